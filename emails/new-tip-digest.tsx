import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./layout";

export interface DigestTip {
  reference: string;
  url: string;
  about: string;
  receivedAt: string;
  assignedToYou: boolean;
}

export interface NewTipDigestProps {
  orgName: string;
  orgAddress: string;
  recipientName: string;
  tips: DigestTip[];
  queueUrl: string;
}

/** The organizers' alert: new tips since the last digest, without their content or contact details. */
export function NewTipDigestEmail({ orgName, orgAddress, recipientName, tips, queueUrl }: NewTipDigestProps) {
  const count = tips.length === 1 ? "1 new tip" : `${tips.length} new tips`;
  return (
    <EmailLayout preview={`${count} to triage`} orgName={orgName} orgAddress={orgAddress}>
      <Heading as="h1" style={{ fontSize: "22px" }}>
        {count} to triage
      </Heading>
      <Text style={paragraph}>Hello {recipientName},</Text>
      <Text style={paragraph}>
        These tips arrived since the last alert. Tips stay private: read them in the organizer area.
      </Text>
      <Section>
        {tips.map((t) => (
          <Text key={t.reference} style={{ margin: "6px 0" }}>
            <Link href={t.url}>{t.reference}</Link> · {t.about} · {t.receivedAt}
            {t.assignedToYou ? " · assigned to you" : ""}
          </Text>
        ))}
      </Section>
      <Button href={queueUrl} style={button}>
        Open the tip queue
      </Button>
    </EmailLayout>
  );
}

NewTipDigestEmail.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  recipientName: "Alex",
  tips: [
    {
      reference: "TIP-7K3M-Q9XD",
      url: "https://example.org/admin/tips/1",
      about: "Sgt. Richard Desautels",
      receivedAt: "Nov 24, 2026, 10:02 UTC",
      assignedToYou: false,
    },
    {
      reference: "TIP-2B8N-W4HF",
      url: "https://example.org/admin/tips/2",
      about: "General",
      receivedAt: "Nov 24, 2026, 10:09 UTC",
      assignedToYou: true,
    },
  ],
  queueUrl: "https://example.org/admin/tips",
} satisfies NewTipDigestProps;

export default NewTipDigestEmail;
