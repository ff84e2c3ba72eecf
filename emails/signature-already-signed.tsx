import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, InLanguage, button, paragraph, withSlots } from "./layout";

/** The email's sentences in the signer's language (app/i18n, "signatureEmail"); `{{title}}`, `{{link}}` are slots. */
export interface SignatureAlreadySignedCopy {
  preview: string;
  hello: string;
  again: string;
  pending: string;
  button: string;
  counted: string;
  share: string;
}

export interface SignatureAlreadySignedProps {
  orgName: string;
  orgAddress: string;
  /** The language of the page the signature was given on; the copy is written in it. */
  lang: string;
  copy: SignatureAlreadySignedCopy;
  petitionTitle: string;
  /** The language the title is in (English when the organizer wrote no translation). */
  titleLang: string;
  /** The campaign page in the signer's language. */
  petitionUrl: string;
  /** Set while the signature still waits for confirmation. */
  confirmUrl?: string;
}

/**
 * Someone signed again with this address (at most three of these per signature). A plain
 * "Hello,": the address may not be confirmed, and no requester-written text goes to it.
 */
export default function SignatureAlreadySigned({
  orgName,
  orgAddress,
  lang,
  copy,
  petitionTitle,
  titleLang,
  petitionUrl,
  confirmUrl,
}: SignatureAlreadySignedProps) {
  const title = <InLanguage text={petitionTitle} lang={titleLang} emailLang={lang} />;
  return (
    <EmailLayout preview={copy.preview} orgName={orgName} orgAddress={orgAddress} lang={lang}>
      <Text style={paragraph}>{copy.hello}</Text>
      <Text style={paragraph}>{withSlots(copy.again, { title })}</Text>
      {confirmUrl ? (
        <>
          <Text style={paragraph}>{copy.pending}</Text>
          <Button href={confirmUrl} style={button}>
            {copy.button}
          </Button>
        </>
      ) : (
        <Text style={paragraph}>{copy.counted}</Text>
      )}
      <Text style={paragraph}>
        {withSlots(copy.share, { link: <Link href={petitionUrl}>{petitionUrl}</Link> })}
      </Text>
    </EmailLayout>
  );
}

SignatureAlreadySigned.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  lang: "en",
  copy: {
    preview: "You have already signed: Name a permanent director for the POW/MIA accounting agency",
    hello: "Hello,",
    again:
      "Someone, probably you, tried to sign the petition “{{title}}” again with this email address. Each address signs once, so nothing has changed.",
    pending: "Your signature is still waiting for confirmation. It counts once you confirm:",
    button: "Confirm my signature",
    counted: "Your signature is confirmed and counted.",
    share: "Share the petition: {{link}}",
  },
  petitionTitle: "Name a permanent director for the POW/MIA accounting agency",
  titleLang: "en",
  petitionUrl: "http://localhost:3000/campaigns/dpaa-director",
  confirmUrl: "http://localhost:3000/confirm/preview-token",
} satisfies SignatureAlreadySignedProps;
