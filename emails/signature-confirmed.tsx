import { Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export interface SignatureConfirmedProps {
  orgName: string;
  orgAddress: string;
  firstName: string;
  petitionTitle: string;
  petitionUrl: string;
  /** The signer's receipt code, to check their signature in the public log (see /transparency). */
  receipt?: string | null;
  checkUrl?: string;
}

/** Thanks after a confirmation (idempotency key signature-confirmed:<id>). */
export default function SignatureConfirmed({
  orgName,
  orgAddress,
  firstName,
  petitionTitle,
  petitionUrl,
  receipt,
  checkUrl,
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
      {receipt ? (
        <Text style={paragraph}>
          Your receipt code: {receipt}. Keep it to check, now or later, that your signature is in the
          petition’s public log and still counted; it says nothing about who you are.
          {checkUrl ? (
            <>
              {" "}
              How: <Link href={checkUrl}>{checkUrl}</Link>
            </>
          ) : null}
        </Text>
      ) : null}
    </EmailLayout>
  );
}

SignatureConfirmed.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  firstName: "Jane",
  petitionTitle: "Name a permanent director for the POW/MIA accounting agency",
  petitionUrl: "http://localhost:3000/campaigns/dpaa-director",
  receipt: "AQEBDwSc3l9tZ2JhY2tncm91bmQtcmFuZG9tLWJ5dGVzLTMyLWxvbmc",
  checkUrl: "http://localhost:3000/transparency/petitions/dpaa-director",
} satisfies SignatureConfirmedProps;
