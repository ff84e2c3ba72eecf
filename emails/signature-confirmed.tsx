import { Link, Text } from "@react-email/components";
import { EmailLayout, InLanguage, paragraph, withSlots } from "./layout";

/** The email's sentences in the signer's language (app/i18n, "signatureEmail"); `{{title}}`, `{{link}}` are slots. */
export interface SignatureConfirmedCopy {
  preview: string;
  dear: string;
  counted: string;
  askOne: string;
  /** With the receipt code in it; null when the signature has none. */
  receipt: string | null;
  howToCheck: string;
  /** What separates two sentences: a space, or nothing in Chinese. */
  gap: string;
}

export interface SignatureConfirmedProps {
  orgName: string;
  orgAddress: string;
  /** The language of the page the signature was given on; the copy is written in it. */
  lang: string;
  copy: SignatureConfirmedCopy;
  petitionTitle: string;
  /** The language the title is in (English when the organizer wrote no translation). */
  titleLang: string;
  /** The campaign page in the signer's language. */
  petitionUrl: string;
  /** How to check the receipt code in the public log (see /transparency; English). */
  checkUrl?: string;
}

/** Thanks after a confirmation (idempotency key signature-confirmed:<id>). */
export default function SignatureConfirmed({
  orgName,
  orgAddress,
  lang,
  copy,
  petitionTitle,
  titleLang,
  petitionUrl,
  checkUrl,
}: SignatureConfirmedProps) {
  const share = `${petitionUrl}?source=email`;
  const title = <InLanguage text={petitionTitle} lang={titleLang} emailLang={lang} />;
  return (
    <EmailLayout preview={copy.preview} orgName={orgName} orgAddress={orgAddress} lang={lang}>
      <Text style={paragraph}>{copy.dear}</Text>
      <Text style={paragraph}>{withSlots(copy.counted, { title })}</Text>
      <Text style={paragraph}>{withSlots(copy.askOne, { link: <Link href={share}>{share}</Link> })}</Text>
      {copy.receipt ? (
        <Text style={paragraph}>
          {copy.receipt}
          {checkUrl ? (
            <>
              {copy.gap}
              {withSlots(copy.howToCheck, {
                link: (
                  <Link href={checkUrl} hrefLang={lang === "en" ? undefined : "en"}>
                    {checkUrl}
                  </Link>
                ),
              })}
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
  lang: "en",
  copy: {
    preview: "Your signature is confirmed: Name a permanent director for the POW/MIA accounting agency",
    dear: "Dear Jane,",
    counted: "Your signature on “{{title}}” is confirmed and counted. Thank you.",
    askOne: "The families have waited more than seventy years. Ask one more person to sign: {{link}}",
    receipt:
      "Your receipt code: AQEBDwSc3l9tZ2JhY2tncm91bmQtcmFuZG9tLWJ5dGVzLTMyLWxvbmc. Keep it to check, now or later, that your signature is in the petition’s public log and still counted; it says nothing about who you are.",
    howToCheck: "How: {{link}}",
    gap: " ",
  },
  petitionTitle: "Name a permanent director for the POW/MIA accounting agency",
  titleLang: "en",
  petitionUrl: "http://localhost:3000/campaigns/dpaa-director",
  checkUrl: "http://localhost:3000/transparency/petitions/dpaa-director",
} satisfies SignatureConfirmedProps;
