import { Heading, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

/** The receipt's sentences, already in the tipster's language (app/i18n, "receipt"). */
export interface TipReceiptCopy {
  preview: string;
  heading: string;
  hello: string;
  thanks: string;
  about: string | null;
  files: string | null;
  reference: string;
  quote: string;
}

export interface TipReceiptProps {
  orgName: string;
  orgAddress: string;
  reference: string;
  /** The language the copy is written in (the page the tip was sent from). */
  lang: string;
  copy: TipReceiptCopy;
  siteUrl: string;
}

/** Sent to a tipster who gave an email address. It never repeats the tip itself, nor the name. */
export function TipReceiptEmail({ orgName, orgAddress, lang, copy, siteUrl }: TipReceiptProps) {
  return (
    <EmailLayout preview={copy.preview} orgName={orgName} orgAddress={orgAddress} lang={lang}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {copy.heading}
      </Heading>
      <Text style={paragraph}>{copy.hello}</Text>
      <Text style={paragraph}>{[copy.thanks, copy.about, copy.files].filter(Boolean).join(" ")}</Text>
      <Text style={{ ...paragraph, fontSize: "20px", fontWeight: "bold" }}>{copy.reference}</Text>
      <Text style={paragraph}>{copy.quote}</Text>
      <Text style={paragraph}>{siteUrl}</Text>
    </EmailLayout>
  );
}

TipReceiptEmail.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  reference: "TIP-7K3M-Q9XD",
  lang: "en",
  copy: {
    preview: "Your tip reference is TIP-7K3M-Q9XD",
    heading: "We received your tip",
    hello: "Hello,",
    thanks: "Thank you for your tip. Every tip is read by our organizers and kept private.",
    about: "It is about the case of Sgt. Richard Desautels.",
    files: "You attached 2 files.",
    reference: "Your reference: TIP-7K3M-Q9XD",
    quote: "Please quote this reference if you write to us again about the same matter.",
  },
  siteUrl: "https://example.org",
} satisfies TipReceiptProps;

export default TipReceiptEmail;
