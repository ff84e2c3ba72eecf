import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, button, paragraph } from "./layout";

export interface SignatureAlreadySignedProps {
  orgName: string;
  orgAddress: string;
  /** Left out (a plain "Hello,") when the address has not been confirmed: no requester-written text goes to it. */
  firstName?: string | null;
  petitionTitle: string;
  petitionUrl: string;
  /** Set while the signature still waits for confirmation. */
  confirmUrl?: string;
}

/** Someone signed again with this address (at most three of these per signature). */
export default function SignatureAlreadySigned({
  orgName,
  orgAddress,
  firstName,
  petitionTitle,
  petitionUrl,
  confirmUrl,
}: SignatureAlreadySignedProps) {
  return (
    <EmailLayout
      preview={`You have already signed: ${petitionTitle}`}
      orgName={orgName}
      orgAddress={orgAddress}
    >
      <Text style={paragraph}>{firstName ? `Dear ${firstName},` : "Hello,"}</Text>
      <Text style={paragraph}>
        Someone, probably you, tried to sign the petition “{petitionTitle}” again with this email address.
        Each address signs once, so nothing has changed.
      </Text>
      {confirmUrl ? (
        <>
          <Text style={paragraph}>
            Your signature is still waiting for confirmation. It counts once you confirm:
          </Text>
          <Button href={confirmUrl} style={button}>
            Confirm my signature
          </Button>
        </>
      ) : (
        <Text style={paragraph}>Your signature is confirmed and counted.</Text>
      )}
      <Text style={paragraph}>
        Share the petition: <Link href={petitionUrl}>{petitionUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

SignatureAlreadySigned.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  firstName: "Jane",
  petitionTitle: "Name a permanent director for the POW/MIA accounting agency",
  petitionUrl: "http://localhost:3000/campaigns/dpaa-director",
  confirmUrl: "http://localhost:3000/confirm/preview-token",
} satisfies SignatureAlreadySignedProps;
