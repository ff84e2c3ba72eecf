import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import { Fragment, type ReactNode } from "react";

export interface LayoutProps {
  preview: string;
  orgName: string;
  orgAddress: string;
  /** List mail only: the per-recipient unsubscribe page. */
  unsubscribeUrl?: string;
  /** The language the message is written in (default English). */
  lang?: string;
  children: ReactNode;
}

const body = {
  backgroundColor: "#f4f2ee",
  fontFamily: "Georgia, 'Times New Roman', serif",
  margin: 0,
  padding: "24px 0",
};
const container = {
  backgroundColor: "#ffffff",
  border: "1px solid #d6d2c9",
  maxWidth: "600px",
  margin: "0 auto",
  padding: "0",
};
const header = {
  backgroundColor: "#14213d",
  color: "#ffffff",
  padding: "16px 24px",
  fontSize: "18px",
  fontWeight: "bold" as const,
};
const content = {
  padding: "8px 24px 16px",
  fontFamily: "Arial, Helvetica, sans-serif",
  fontSize: "16px",
  lineHeight: "1.6",
  color: "#1b1f24",
};
const footer = {
  padding: "0 24px 16px",
  fontFamily: "Arial, Helvetica, sans-serif",
  fontSize: "13px",
  color: "#4f5863",
};

/** The shared frame of every email: organization name, content, postal address, unsubscribe. */
export function EmailLayout({
  preview,
  orgName,
  orgAddress,
  unsubscribeUrl,
  lang = "en",
  children,
}: LayoutProps) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section style={header}>★ {orgName}</Section>
          <Section style={content}>{children}</Section>
          <Hr />
          <Section style={footer}>
            <Text style={{ margin: "4px 0" }}>{orgName}</Text>
            <Text style={{ margin: "4px 0" }}>{orgAddress}</Text>
            {unsubscribeUrl ? (
              <Text style={{ margin: "4px 0" }}>
                You receive this because you asked for updates. <Link href={unsubscribeUrl}>Unsubscribe</Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { margin: "12px 0" };
export const button = {
  backgroundColor: "#a4161a",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  textDecoration: "none",
  fontWeight: "bold" as const,
  display: "inline-block",
};

/**
 * A sentence already in the reader's language with `{{name}}` slots for elements (a link, a title
 * in its own language): the words around a slot stay the translator's, in their order.
 */
export function withSlots(sentence: string, slots: Record<string, ReactNode>): ReactNode[] {
  return sentence
    .split(/\{\{(\w+)\}\}/)
    .map((part, i) => (i % 2 ? <Fragment key={i}>{slots[part] ?? `{{${part}}}`}</Fragment> : part));
}

/** Text in another language than the email's (a campaign title with no translation) carries its own `lang`. */
export function InLanguage({ text, lang, emailLang }: { text: string; lang: string; emailLang: string }) {
  return lang === emailLang ? <>{text}</> : <span lang={lang}>{text}</span>;
}
