import { baseUrl } from "../support/browser";
import { useServerDatabase } from "../support/server-database";
import { makePetition } from "../support/petitions";

useServerDatabase();

/**
 * The form promises "first name, last initial and town": the raw responses of every public
 * view of a petition (HTML, the single-fetch `.data` payload, `?_data`, the widget and the JSON
 * API) must not carry a signer's surname, email, street or ZIP+4.
 */
const SURNAME = "Quillfeatherstone";
const EMAIL_LOCAL = `privacy-${Date.now().toString(36)}`;

let slug = "";
beforeAll(async () => {
  const p = await makePetition({ requiresConfirmation: false });
  slug = p.slug;
  const res = await fetch(`${baseUrl()}/api/v1/petitions/${slug}/signatures`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.44" },
    body: JSON.stringify({
      firstName: "Marguerite",
      lastName: SURNAME,
      email: `${EMAIL_LOCAL}@example.org`,
      zip: "05401-1234",
      showName: true,
      comment: "Bring them home.",
    }),
  });
  expect(res.status).toBe(202);
});

async function raw(path: string): Promise<string> {
  const res = await fetch(`${baseUrl()}${path}`);
  expect(res.status, path).toBe(200);
  return res.text();
}

describe("public petition views never send a signer's surname or contact details", () => {
  it("the campaign page shows 'Marguerite Q.' in its HTML and nothing more", async () => {
    const html = await raw(`/campaigns/${slug}`);
    expect(html).toContain("Marguerite Q.");
    expect(html).toContain("Bring them home.");
    expect(html).not.toContain(SURNAME);
    expect(html).not.toContain(EMAIL_LOCAL);
    expect(html).not.toContain("1234");
  });

  it.each([
    ["campaign page .data", () => `/campaigns/${slug}.data`],
    ["signing page", () => `/campaigns/${slug}/sign`],
    ["signing page .data", () => `/campaigns/${slug}/sign.data`],
    ["widget", () => `/embed/petitions/${slug}`],
    ["JSON API", () => `/api/v1/petitions/${slug}`],
    ["campaigns API", () => `/api/v1/campaigns/${slug}`],
  ])("%s carries no surname, email or ZIP+4", async (_name, path) => {
    const body = await raw(path());
    expect(body).not.toContain(SURNAME);
    expect(body).not.toContain(EMAIL_LOCAL);
    expect(body).not.toContain("05401-1234");
  });

  it("the old ?_data protocol is refused, so it cannot serve a route's data another way", async () => {
    const res = await fetch(`${baseUrl()}/campaigns/${slug}?_data=routes%2Fcampaigns.%24slug._index`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain(SURNAME);
  });

  it("the campaign page's .data payload names the signer only as first name and initial", async () => {
    const body = await raw(`/campaigns/${slug}.data`);
    expect(body).toContain("Marguerite Q.");
    expect(body).not.toMatch(/lastName/);
  });

  it("the signing page does not send the recent signers at all", async () => {
    const body = await raw(`/campaigns/${slug}/sign.data`);
    expect(body).not.toContain("Marguerite");
  });
});
