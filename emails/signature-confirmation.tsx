import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, button, paragraph } from "./layout";

export interface SignatureConfirmationProps {
  orgName: string;
  orgAddress: string;
  /** Left out (a plain "Hello,") when the address has not been confirmed: no requester-written text goes to it. */
  firstName?: string | null;
  petitionTitle: string;
  confirmUrl: string;
  notMeUrl: string;
}

/** Sent once per pending signature (idempotency key signature-confirmation:<id>). */
export default function SignatureConfirmation({
  orgName,
  orgAddress,
  firstName,
  petitionTitle,
  confirmUrl,
  notMeUrl,
}: SignatureConfirmationProps) {
  return (
    <EmailLayout
      preview={`Confirm your signature: ${petitionTitle}`}
      orgName={orgName}
      orgAddress={orgAddress}
    >
      <Text style={paragraph}>{firstName ? `Dear ${firstName},` : "Hello,"}</Text>
      <Text style={paragraph}>
        Thank you for signing the petition “{petitionTitle}”. Your signature counts once you confirm your
        email address:
      </Text>
      <Button href={confirmUrl} style={button}>
        Confirm my signature
      </Button>
      <Text style={paragraph}>
        Or open this link: <Link href={confirmUrl}>{confirmUrl}</Link>. It works for 30 days, on any device.
      </Text>
      <Text style={paragraph}>
        Did not sign? <Link href={notMeUrl}>It wasn’t me: remove this signature</Link>.
      </Text>
    </EmailLayout>
  );
}

SignatureConfirmation.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  firstName: "Jane",
  petitionTitle: "Name a permanent director for the POW/MIA accounting agency",
  confirmUrl: "http://localhost:3000/confirm/preview-token",
  notMeUrl: "http://localhost:3000/confirm/preview-token?not-me=1",
} satisfies SignatureConfirmationProps;
