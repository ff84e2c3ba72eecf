import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";

export interface DonationReceiptProps {
  orgName: string;
  orgAddress: string;
  donorName: string;
  amount: string;
  date: string;
  monthly: boolean;
  campaignTitle: string | null;
  reference: string;
  /** Monthly gifts: where to change or cancel (Stripe's customer portal, or the test-mode stand-in). */
  manageUrl: string | null;
  testMode: boolean;
}

/** The receipt for one gift: amount, date, organization, and the no-goods-or-services statement. */
export default function DonationReceipt(props: DonationReceiptProps) {
  const purpose = props.campaignTitle ? `for “${props.campaignTitle}”` : "for our work";
  return (
    <EmailLayout
      preview={`Receipt for your ${props.monthly ? "monthly " : ""}gift of ${props.amount}`}
      orgName={props.orgName}
      orgAddress={props.orgAddress}
    >
      <Heading as="h1" style={{ fontSize: "22px" }}>
        Thank you{props.donorName ? `, ${props.donorName}` : ""}
      </Heading>
      {props.testMode ? (
        <Text style={{ ...paragraph, fontWeight: "bold" }}>
          TEST MODE: no card was charged and no money moved.
        </Text>
      ) : null}
      <Text style={paragraph}>
        We received your {props.monthly ? "monthly " : ""}gift of <strong>{props.amount}</strong> on{" "}
        {props.date} {purpose}.
      </Text>
      <Text style={paragraph}>
        Receipt from {props.orgName}, {props.orgAddress}. Reference: {props.reference}.
      </Text>
      <Text style={paragraph}>No goods or services were provided in exchange for this contribution.</Text>
      {props.monthly && props.manageUrl ? (
        <Text style={paragraph}>
          Your gift repeats every month until you stop it.{" "}
          <Link href={props.manageUrl}>Change or cancel your monthly gift</Link> at any time.
        </Text>
      ) : null}
      <Text style={paragraph}>Please keep this email for your records.</Text>
    </EmailLayout>
  );
}

DonationReceipt.PreviewProps = {
  orgName: "Bring Them Home",
  orgAddress: "PO Box 0000, Washington, DC 20000",
  donorName: "Jane",
  amount: "$25",
  date: "November 24, 2026",
  monthly: true,
  campaignTitle: "Ask Moscow and Beijing",
  reference: "in_123",
  manageUrl: "http://localhost:3000/donate/manage/token",
  testMode: false,
} satisfies DonationReceiptProps;
