import { Button, Heading, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./layout";

export interface SupporterLinkProps {
  orgName: string;
  orgAddress: string;
  name: string;
  url: string;
  /** "me": the link to the supporter's page; "email_change": confirms a new address. */
  purpose: "me" | "email_change";
  expiresInHours: number;
}

/** The link a supporter asked for at /me, or the confirmation of the new address they gave there. */
export function SupporterLinkEmail({
  orgName,
  orgAddress,
  name,
  url,
  purpose,
  expiresInHours,
}: SupporterLinkProps) {
  const change = purpose === "email_change";
  const title = change ? "Confirm your new email address" : "Your page: everything you did with us";
  return (
    <EmailLayout preview={title} orgName={orgName} orgAddress={orgAddress}>
      <Heading as="h1" style={{ fontSize: "22px", margin: "16px 0 8px" }}>
        {title}
      </Heading>
      <Text style={paragraph}>Hello{name ? ` ${name}` : ""},</Text>
      <Text style={paragraph}>
        {change
          ? "Someone (we hope you) asked to use this address for their supporter record. Confirm it here:"
          : "Someone (we hope you) asked for a link to your supporter page. There you can see what you signed, wrote and gave, withdraw a signature, change your details or subscriptions, download your data or ask us to erase it."}
      </Text>
      <Button href={url} style={button}>
        {change ? "Confirm this address" : "Open my page"}
      </Button>
      <Text style={paragraph}>Or paste this address into your browser: {url}</Text>
      <Text style={paragraph}>
        The link works for {expiresInHours} hours. If you did not ask for it, ignore this email: nothing
        changes.
      </Text>
    </EmailLayout>
  );
}

SupporterLinkEmail.PreviewProps = {
  orgName: "Bring Them Home: Korean War and Cold War POWs",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  name: "Jane",
  url: "http://localhost:3000/me/preview-token",
  purpose: "me",
  expiresInHours: 24,
} satisfies SupporterLinkProps;

export default SupporterLinkEmail;
