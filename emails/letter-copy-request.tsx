import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, InLanguage, button, paragraph, withSlots } from "./layout";

/** The email's sentences in the writer's language (app/i18n, "letterCopyRequest"); `{{title}}`, `{{recipients}}`, `{{link}}` are slots. */
export interface LetterCopyRequestCopy {
  preview: string;
  hello: string;
  someone: string;
  button: string;
  openLink: string;
  notYou: string;
}

export interface LetterCopyRequestProps {
  orgName: string;
  orgAddress: string;
  /** The language of the letter form page the letters were sent from; the copy is written in it. */
  lang: string;
  copy: LetterCopyRequestCopy;
  campaignTitle: string;
  /** The language the title is in (English when the organizer wrote no translation). */
  titleLang: string;
  /** The offices written to, from our own data (never text the writer typed; English names). */
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
  lang,
  copy,
  campaignTitle,
  titleLang,
  recipients,
  confirmUrl,
}: LetterCopyRequestProps) {
  const title = <InLanguage text={campaignTitle} lang={titleLang} emailLang={lang} />;
  const names = <InLanguage text={recipients.join(", ")} lang="en" emailLang={lang} />;
  return (
    <EmailLayout preview={copy.preview} orgName={orgName} orgAddress={orgAddress} lang={lang}>
      <Text style={paragraph}>{copy.hello}</Text>
      <Text style={paragraph}>{withSlots(copy.someone, { title, recipients: names })}</Text>
      <Button href={confirmUrl} style={button}>
        {copy.button}
      </Button>
      <Text style={paragraph}>
        {withSlots(copy.openLink, { link: <Link href={confirmUrl}>{confirmUrl}</Link> })}
      </Text>
      <Text style={paragraph}>{copy.notYou}</Text>
    </EmailLayout>
  );
}

LetterCopyRequest.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  lang: "en",
  copy: {
    preview: "Get your copy of your letters: Declassify the Korean War and Cold War POW files",
    hello: "Hello,",
    someone:
      "Someone, probably you, wrote letters about “{{title}}” to {{recipients}} on our site and gave this email address for a copy. To get the copy, and the page with each office's contact form and a printable PDF, confirm this address:",
    button: "Send me my letters",
    openLink: "Or open this link: {{link}}. It works for 7 days.",
    notYou: "If it was not you, ignore this email: we will send nothing more about it.",
  },
  campaignTitle: "Declassify the Korean War and Cold War POW files",
  titleLang: "en",
  recipients: ["Senator Bernard Sanders", "Representative Becca Balint"],
  confirmUrl: "http://localhost:3000/letters/copy/1.example",
} satisfies LetterCopyRequestProps;
