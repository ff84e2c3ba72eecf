import { Heading, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export interface TipReceiptProps {
  orgName: string;
  orgAddress: string;
  reference: string;
  name: string | null;
  aboutCase: string | null;
  aboutMedia: string | null;
  attachmentCount: number;
  siteUrl: string;
}

/** Sent to a tipster who gave an email address. It never repeats the tip itself. */
export function TipReceiptEmail({
  orgName,
  orgAddress,
  reference,
  name,
  aboutCase,
  aboutMedia,
  attachmentCount,
  siteUrl,
}: TipReceiptProps) {
  const about = aboutCase ? `about ${aboutCase}` : aboutMedia ? `about “${aboutMedia}”` : "";
  return (
    <EmailLayout preview={`Your tip reference is ${reference}`} orgName={orgName} orgAddress={orgAddress}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        We received your tip
      </Heading>
      <Text style={paragraph}>{name ? `Dear ${name},` : "Hello,"}</Text>
      <Text style={paragraph}>
        Thank you for your tip{about ? ` ${about}` : ""}
        {attachmentCount
          ? ` and the ${attachmentCount === 1 ? "file" : `${attachmentCount} files`} you attached`
          : ""}
        . Every tip is read by our organizers and kept private.
      </Text>
      <Text style={{ ...paragraph, fontSize: "20px", fontWeight: "bold" }}>Your reference: {reference}</Text>
      <Text style={paragraph}>
        Please quote this reference if you write to us again about the same matter. We may contact you if we
        need to know more. For your privacy, this email does not repeat what you wrote.
      </Text>
      <Text style={paragraph}>{siteUrl}</Text>
    </EmailLayout>
  );
}

TipReceiptEmail.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  reference: "TIP-7K3M-Q9XD",
  name: "Jane Doe",
  aboutCase: "Sgt. Richard Desautels",
  aboutMedia: null,
  attachmentCount: 2,
  siteUrl: "https://example.org",
} satisfies TipReceiptProps;

export default TipReceiptEmail;
