import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export interface CampaignUpdateProps {
  orgName: string;
  orgAddress: string;
  subject: string;
  /** The organizer's markdown, already rendered and sanitized (renderMarkdown). */
  bodyHtml: string;
  campaignTitle?: string | null;
  campaignUrl?: string | null;
  unsubscribeUrl: string;
}

/** A campaign update (list mail): one render per mailing; only the unsubscribe link varies. */
export function CampaignUpdateEmail({
  orgName,
  orgAddress,
  subject,
  bodyHtml,
  campaignTitle,
  campaignUrl,
  unsubscribeUrl,
}: CampaignUpdateProps) {
  return (
    <EmailLayout preview={subject} orgName={orgName} orgAddress={orgAddress} unsubscribeUrl={unsubscribeUrl}>
      <Heading as="h1" style={{ fontSize: "22px", margin: "16px 0 8px" }}>
        {subject}
      </Heading>
      {campaignTitle ? (
        <Text style={{ ...paragraph, color: "#4f5863", fontSize: "14px" }}>
          An update on the campaign: {campaignTitle}
        </Text>
      ) : null}
      <Section>
        <div dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      </Section>
      {campaignUrl ? (
        <Text style={paragraph}>
          <Link href={campaignUrl}>Read the campaign and take action</Link>
        </Text>
      ) : null}
    </EmailLayout>
  );
}

CampaignUpdateEmail.PreviewProps = {
  orgName: "Bring Them Home: Korean War and Cold War POWs",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  subject: "The Senate heard us: a hearing on the missing men",
  bodyHtml:
    "<p>Thank you: <strong>12,400</strong> of you wrote to your senators this month.</p><p>On Tuesday the committee asked the Pentagon why the 1953 lists were never answered.</p>",
  campaignTitle: "Name a permanent director for the accounting agency",
  campaignUrl: "http://localhost:3000/campaigns/dpaa-director",
  unsubscribeUrl: "http://localhost:3000/unsubscribe/1.1.preview",
} satisfies CampaignUpdateProps;

export default CampaignUpdateEmail;
