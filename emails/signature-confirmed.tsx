import { Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export interface SignatureConfirmedProps {
  orgName: string;
  orgAddress: string;
  firstName: string;
  petitionTitle: string;
  petitionUrl: string;
}

/** Thanks after a confirmation (idempotency key signature-confirmed:<id>). */
export default function SignatureConfirmed({
  orgName,
  orgAddress,
  firstName,
  petitionTitle,
  petitionUrl,
}: SignatureConfirmedProps) {
  const share = `${petitionUrl}?source=email`;
  return (
    <EmailLayout
      preview={`Your signature is confirmed: ${petitionTitle}`}
      orgName={orgName}
      orgAddress={orgAddress}
    >
      <Text style={paragraph}>Dear {firstName},</Text>
      <Text style={paragraph}>Your signature on “{petitionTitle}” is confirmed and counted. Thank you.</Text>
      <Text style={paragraph}>
        The families have waited more than seventy years. Ask one more person to sign:{" "}
        <Link href={share}>{share}</Link>
      </Text>
    </EmailLayout>
  );
}

SignatureConfirmed.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  firstName: "Jane",
  petitionTitle: "Name a permanent director for the POW/MIA accounting agency",
  petitionUrl: "http://localhost:3000/campaigns/dpaa-director",
} satisfies SignatureConfirmedProps;
