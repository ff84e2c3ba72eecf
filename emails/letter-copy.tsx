import { Link, Section, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export interface LetterCopyProps {
  orgName: string;
  orgAddress: string;
  firstName: string;
  campaignTitle: string;
  /** The supporter's private delivery page: contact forms, phone numbers, the PDF. */
  deliveryUrl: string;
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
  firstName,
  campaignTitle,
  deliveryUrl,
  letters,
}: LetterCopyProps) {
  return (
    <EmailLayout
      preview={`Your ${letters.length} letter${letters.length === 1 ? "" : "s"}: ${campaignTitle}`}
      orgName={orgName}
      orgAddress={orgAddress}
    >
      <Text style={paragraph}>Dear {firstName},</Text>
      <Text style={paragraph}>
        Thank you for writing about “{campaignTitle}”. Here is a copy of each letter. Your letters reach their
        readers when you deliver them: the page below has each office's contact form, phone number and a
        printable PDF.
      </Text>
      <Text style={paragraph}>
        <Link href={deliveryUrl}>Deliver your letters</Link>
      </Text>
      {letters.map((l, i) => (
        <Section key={i} style={letterBox}>
          <Text style={{ ...paragraph, fontWeight: "bold" }}>To {l.recipient}</Text>
          <Text style={paragraph}>Subject: {l.subject}</Text>
          <Text style={pre}>{l.body}</Text>
        </Section>
      ))}
      <Text style={paragraph}>Keep this email: it is your record of what you sent.</Text>
    </EmailLayout>
  );
}

LetterCopyEmail.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  firstName: "Jane",
  campaignTitle: "Declassify the Korean War and Cold War POW files",
  deliveryUrl: "http://localhost:3000/letters/example",
  letters: [
    {
      recipient: "Senator Bernard Sanders",
      subject: "Release the POW files",
      body: "Dear Senator Sanders,\n\nPlease act.\n\nSincerely,\nJane Doe",
    },
  ],
} satisfies LetterCopyProps;
