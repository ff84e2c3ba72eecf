import { render } from "@react-email/render";
import type { JSX } from "react";
import { CampaignUpdateEmail } from "./campaign-update";
import { OrganizerInvitationEmail } from "./organizer-invitation";
import { PasswordResetEmail } from "./password-reset";
import { StatementNewsEmail } from "./statement-news";

describe.each([
  ["campaign update", CampaignUpdateEmail, "The Senate heard us", true],
  ["organizer invitation", OrganizerInvitationEmail, "Accept and set a password", false],
  ["password reset", PasswordResetEmail, "Choose a new password", false],
  ["statement news", StatementNewsEmail, "Share the campaign", true],
] as const)("the %s template", (_name, Template, phrase, listMail) => {
  it("renders its preview props to HTML and plain text with the organization's address", async () => {
    const Component = Template as unknown as (props: object) => JSX.Element;
    const element = <Component {...(Template.PreviewProps as object)} />;
    const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
    expect(html).toContain(phrase);
    expect(text.toLowerCase()).toContain(phrase.toLowerCase());
    expect(text).toContain("PO Box 0000, Washington, DC 20000");
    expect(text.includes("Unsubscribe")).toBe(listMail);
  });
});
