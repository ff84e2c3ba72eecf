import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, button, paragraph } from "./layout";

export interface LetterCopyRequestProps {
  orgName: string;
  orgAddress: string;
  campaignTitle: string;
  /** The offices written to, from our own data (never text the writer typed). */
  recipients: string[];
  confirmUrl: string;
}

/**
 * Sent when someone writes letters and gives this address. It carries nothing the writer typed
 * (no name, no letter text): the copy follows only once the address's owner asks for it here.
 */
export default function LetterCopyRequest({
  orgName,
  orgAddress,
  campaignTitle,
  recipients,
  confirmUrl,
}: LetterCopyRequestProps) {
  return (
    <EmailLayout
      preview={`Get your copy of your letters: ${campaignTitle}`}
      orgName={orgName}
      orgAddress={orgAddress}
    >
      <Text style={paragraph}>Hello,</Text>
      <Text style={paragraph}>
        Someone, probably you, wrote letters about “{campaignTitle}” to {recipients.join(", ")} on our site
        and gave this email address for a copy. To get the copy, and the page with each office's contact form
        and a printable PDF, confirm this address:
      </Text>
      <Button href={confirmUrl} style={button}>
        Send me my letters
      </Button>
      <Text style={paragraph}>
        Or open this link: <Link href={confirmUrl}>{confirmUrl}</Link>. It works for 7 days.
      </Text>
      <Text style={paragraph}>If it was not you, ignore this email: we will send nothing more about it.</Text>
    </EmailLayout>
  );
}

LetterCopyRequest.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  campaignTitle: "Declassify the Korean War and Cold War POW files",
  recipients: ["Senator Bernard Sanders", "Representative Becca Balint"],
  confirmUrl: "http://localhost:3000/letters/copy/1.example",
} satisfies LetterCopyRequestProps;
