import { Link, Section, Text } from "@react-email/components";
import { EmailLayout, InLanguage, paragraph, withSlots } from "./layout";

/** The email's sentences in the writer's language (app/i18n, "letterCopyEmail"); `{{title}}` and the letter's slots are filled here. */
export interface LetterCopyCopy {
  preview: string;
  dear: string;
  thanks: string;
  deliver: string;
  /** "To {{name}}" and "Subject: {{subject}}" above each letter. */
  to: string;
  letterSubject: string;
  keep: string;
}

export interface LetterCopyProps {
  orgName: string;
  orgAddress: string;
  /** The language of the letter form page the letters were sent from; the copy is written in it. */
  lang: string;
  copy: LetterCopyCopy;
  campaignTitle: string;
  /** The language the title is in (English when the organizer wrote no translation). */
  titleLang: string;
  /** The supporter's private delivery page in their language: contact forms, phone numbers, the PDF. */
  deliveryUrl: string;
  /** The letters as sent: English, addressed to U.S. offices. */
  letters: Array<{ recipient: string; subject: string; body: string }>;
}

const letterBox = {
  border: "1px solid #d6d2c9",
  padding: "8px 16px",
  margin: "16px 0",
  backgroundColor: "#faf9f6",
};
const pre = {
  whiteSpace: "pre-wrap" as const,
  margin: "8px 0",
  fontFamily: "Georgia, 'Times New Roman', serif",
};

/** A copy of each letter a supporter wrote, with the link to deliver them. Supporter text is escaped by React. */
export default function LetterCopyEmail({
  orgName,
  orgAddress,
  lang,
  copy,
  campaignTitle,
  titleLang,
  deliveryUrl,
  letters,
}: LetterCopyProps) {
  const title = <InLanguage text={campaignTitle} lang={titleLang} emailLang={lang} />;
  const en = (text: string) => <InLanguage text={text} lang="en" emailLang={lang} />;
  return (
    <EmailLayout preview={copy.preview} orgName={orgName} orgAddress={orgAddress} lang={lang}>
      <Text style={paragraph}>{copy.dear}</Text>
      <Text style={paragraph}>{withSlots(copy.thanks, { title })}</Text>
      <Text style={paragraph}>
        <Link href={deliveryUrl}>{copy.deliver}</Link>
      </Text>
      {letters.map((l, i) => (
        <Section key={i} style={letterBox}>
          <Text style={{ ...paragraph, fontWeight: "bold" }}>
            {withSlots(copy.to, { name: en(l.recipient) })}
          </Text>
          <Text style={paragraph}>{withSlots(copy.letterSubject, { subject: en(l.subject) })}</Text>
          <Text style={pre} lang={lang === "en" ? undefined : "en"}>
            {l.body}
          </Text>
        </Section>
      ))}
      <Text style={paragraph}>{copy.keep}</Text>
    </EmailLayout>
  );
}

LetterCopyEmail.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  lang: "en",
  copy: {
    preview: "Your 1 letter: Declassify the Korean War and Cold War POW files",
    dear: "Dear Jane,",
    thanks:
      "Thank you for writing about “{{title}}”. Here is a copy of each letter. Your letters reach their readers when you deliver them: the page below has each office's contact form, phone number and a printable PDF.",
    deliver: "Deliver your letters",
    to: "To {{name}}",
    letterSubject: "Subject: {{subject}}",
    keep: "Keep this email: it is your record of what you sent.",
  },
  campaignTitle: "Declassify the Korean War and Cold War POW files",
  titleLang: "en",
  deliveryUrl: "http://localhost:3000/letters/example",
  letters: [
    {
      recipient: "Senator Bernard Sanders",
      subject: "Release the POW files",
      body: "Dear Senator Sanders,\n\nPlease act.\n\nSincerely,\nJane Doe",
    },
  ],
} satisfies LetterCopyProps;
