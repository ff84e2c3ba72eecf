import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./layout";

export interface StatementNewsProps {
  orgName: string;
  orgAddress: string;
  firstName: string;
  /** "Senator Bernard Sanders" */
  memberName: string;
  /** "supports", "opposes", "undecided", "mixed", "no_response" */
  position: string;
  /** "Supports", "Opposes"... */
  positionLabel: string;
  /** Their seat is only one of their ZIP code's districts. */
  maybe: boolean;
  campaignTitle: string;
  excerpt: string;
  scorecardUrl: string;
  /** The campaign page, to share (when the member supports). */
  shareUrl: string;
  /** The call tool, with the office's phone and script (when they oppose or have not answered). */
  callUrl: string;
  phone: string | null;
  script: string | null;
  unsubscribeUrl: string;
}

/** News for the signers and writers in a seat: what their member said, and what to do next. */
export function StatementNewsEmail(p: StatementNewsProps) {
  const who = p.maybe ? `${p.memberName}, who may be your representative,` : `${p.memberName}`;
  const supports = p.position === "supports";
  return (
    <EmailLayout
      preview={`${p.memberName}: ${p.positionLabel}`}
      orgName={p.orgName}
      orgAddress={p.orgAddress}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Heading as="h1" style={{ fontSize: "22px", margin: "16px 0 8px" }}>
        {p.memberName} answered: {p.positionLabel.toLowerCase()}
      </Heading>
      <Text style={paragraph}>Dear {p.firstName || "friend"},</Text>
      <Text style={paragraph}>
        You signed or wrote for “{p.campaignTitle}”. {who} has a recorded position: {p.positionLabel}.
      </Text>
      {p.excerpt ? (
        <Text style={{ ...paragraph, borderLeft: "3px solid #c8ccd1", paddingLeft: "12px" }}>
          {p.excerpt}
        </Text>
      ) : null}
      {supports ? (
        <Section>
          <Text style={paragraph}>
            Thank you: your letters and signatures did this. Ask one more person to add their name:
          </Text>
          <Button href={p.shareUrl} style={button}>
            Share the campaign
          </Button>
        </Section>
      ) : (
        <Section>
          <Text style={paragraph}>
            A call from a constituent counts. {p.phone ? `Call the office at ${p.phone}` : "Call the office"}{" "}
            and say:
          </Text>
          {p.script ? <Text style={{ ...paragraph, fontStyle: "italic" }}>{p.script}</Text> : null}
          <Button href={p.callUrl} style={button}>
            Open the call tool
          </Button>
        </Section>
      )}
      <Text style={paragraph}>
        <Link href={p.scorecardUrl}>See every answer on the scorecard</Link>
      </Text>
    </EmailLayout>
  );
}

StatementNewsEmail.PreviewProps = {
  orgName: "Bring Them Home: Korean War and Cold War POWs",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  firstName: "Jane",
  memberName: "Senator Bernard Sanders",
  position: "supports",
  positionLabel: "Supports",
  maybe: false,
  campaignTitle: "Name a permanent director for the accounting agency",
  excerpt: "Thank you for writing. I support naming a permanent director.",
  scorecardUrl: "http://localhost:3000/campaigns/dpaa-director/scorecard",
  shareUrl: "http://localhost:3000/campaigns/dpaa-director",
  callUrl: "http://localhost:3000/campaigns/dpaa-director/call",
  phone: "202-224-5141",
  script: null,
  unsubscribeUrl: "http://localhost:3000/unsubscribe/1.1.preview",
} satisfies StatementNewsProps;

export default StatementNewsEmail;
