import { Button, Heading, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./layout";

export interface OrganizerInvitationProps {
  orgName: string;
  orgAddress: string;
  name: string;
  invitedBy: string;
  role: string;
  acceptUrl: string;
  expiresInDays: number;
}

/** An owner invited someone to join as an organizer; the link lets them set a password. */
export function OrganizerInvitationEmail({
  orgName,
  orgAddress,
  name,
  invitedBy,
  role,
  acceptUrl,
  expiresInDays,
}: OrganizerInvitationProps) {
  return (
    <EmailLayout
      preview={`${invitedBy} invited you to organize with ${orgName}`}
      orgName={orgName}
      orgAddress={orgAddress}
    >
      <Heading as="h1" style={{ fontSize: "22px", margin: "16px 0 8px" }}>
        You are invited to organize
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {invitedBy} invited you to join {orgName} as {role === "owner" ? "an owner" : `an ${role}`}. Choose a
        password to accept:
      </Text>
      <Button href={acceptUrl} style={button}>
        Accept and set a password
      </Button>
      <Text style={paragraph}>Or paste this address into your browser: {acceptUrl}</Text>
      <Text style={paragraph}>
        The link works once and expires in {expiresInDays} days. If you did not expect this, ignore it.
      </Text>
    </EmailLayout>
  );
}

OrganizerInvitationEmail.PreviewProps = {
  orgName: "Bring Them Home: Korean War and Cold War POWs",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  name: "Ruth Hale",
  invitedBy: "Mark Sauter",
  role: "editor",
  acceptUrl: "http://localhost:3000/admin/invitation/preview-token",
  expiresInDays: 7,
} satisfies OrganizerInvitationProps;

export default OrganizerInvitationEmail;
