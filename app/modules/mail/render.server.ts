import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { env } from "~/env.server";

/** Renders a react-email template to HTML and plain text. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** The organization's name and postal address for EmailLayout. */
export function orgProps() {
  const config = env();
  return { orgName: config.ORG_NAME, orgAddress: config.ORG_POSTAL_ADDRESS };
}
