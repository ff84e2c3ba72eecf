import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, InLanguage, button, paragraph, withSlots } from "./layout";

/** The email's sentences in the signer's language (app/i18n, "signatureEmail"); `{{title}}`, `{{link}}` are slots. */
export interface SignatureConfirmationCopy {
  preview: string;
  hello: string;
  thanks: string;
  button: string;
  openLink: string;
  notSigned: string;
  notMe: string;
}

export interface SignatureConfirmationProps {
  orgName: string;
  orgAddress: string;
  /** The language of the page the signature was given on; the copy is written in it. */
  lang: string;
  copy: SignatureConfirmationCopy;
  petitionTitle: string;
  /** The language the title is in (English when the organizer wrote no translation). */
  titleLang: string;
  confirmUrl: string;
  notMeUrl: string;
}

/**
 * Sent once per pending signature (idempotency key signature-confirmation:<id>). It greets with a
 * plain "Hello,": the address has not been confirmed, and no requester-written text goes to it.
 */
export default function SignatureConfirmation({
  orgName,
  orgAddress,
  lang,
  copy,
  petitionTitle,
  titleLang,
  confirmUrl,
  notMeUrl,
}: SignatureConfirmationProps) {
  const title = <InLanguage text={petitionTitle} lang={titleLang} emailLang={lang} />;
  return (
    <EmailLayout preview={copy.preview} orgName={orgName} orgAddress={orgAddress} lang={lang}>
      <Text style={paragraph}>{copy.hello}</Text>
      <Text style={paragraph}>{withSlots(copy.thanks, { title })}</Text>
      <Button href={confirmUrl} style={button}>
        {copy.button}
      </Button>
      <Text style={paragraph}>
        {withSlots(copy.openLink, { link: <Link href={confirmUrl}>{confirmUrl}</Link> })}
      </Text>
      <Text style={paragraph}>
        {withSlots(copy.notSigned, { link: <Link href={notMeUrl}>{copy.notMe}</Link> })}
      </Text>
    </EmailLayout>
  );
}

SignatureConfirmation.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  lang: "en",
  copy: {
    preview: "Confirm your signature: Name a permanent director for the POW/MIA accounting agency",
    hello: "Hello,",
    thanks:
      "Thank you for signing the petition “{{title}}”. Your signature counts once you confirm your email address:",
    button: "Confirm my signature",
    openLink: "Or open this link: {{link}}. It works for 30 days, on any device.",
    notSigned: "Did not sign? {{link}}.",
    notMe: "It wasn’t me: remove this signature",
  },
  petitionTitle: "Name a permanent director for the POW/MIA accounting agency",
  titleLang: "en",
  confirmUrl: "http://localhost:3000/confirm/preview-token",
  notMeUrl: "http://localhost:3000/confirm/preview-token?not-me=1",
} satisfies SignatureConfirmationProps;
