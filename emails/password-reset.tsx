import { Button, Heading, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./layout";

export interface PasswordResetProps {
  orgName: string;
  orgAddress: string;
  name: string;
  resetUrl: string;
  expiresInMinutes: number;
}

/** A password reset an organizer asked for at /admin/forgot. */
export function PasswordResetEmail({
  orgName,
  orgAddress,
  name,
  resetUrl,
  expiresInMinutes,
}: PasswordResetProps) {
  return (
    <EmailLayout preview="Reset your organizer password" orgName={orgName} orgAddress={orgAddress}>
      <Heading as="h1" style={{ fontSize: "22px", margin: "16px 0 8px" }}>
        Reset your password
      </Heading>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Someone (we hope you) asked to reset the password of your organizer account. Choose a new one here:
      </Text>
      <Button href={resetUrl} style={button}>
        Choose a new password
      </Button>
      <Text style={paragraph}>Or paste this address into your browser: {resetUrl}</Text>
      <Text style={paragraph}>
        The link works once and expires in {expiresInMinutes} minutes. Resetting signs you out everywhere
        else. If you did not ask for this, ignore this email: your password stays as it is.
      </Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  orgName: "Bring Them Home: Korean War and Cold War POWs",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  name: "Mark Sauter",
  resetUrl: "http://localhost:3000/admin/reset/preview-token",
  expiresInMinutes: 30,
} satisfies PasswordResetProps;

export default PasswordResetEmail;
