import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

/** Our RELAX NG schema of a CWC 2.0 message (app/modules/cwc/cwc-2.0.rng). */
const SCHEMA = readFileSync(path.resolve(process.cwd(), "app/modules/cwc/cwc-2.0.rng"), "utf8");

/** Validates a message with xmllint (WebAssembly build of libxml2) against our schema. */
export async function validateCwcXml(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: "message.xml", contents: xml }],
    schema: [{ fileName: "cwc-2.0.rng", contents: SCHEMA }],
    extension: "relaxng",
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

export interface ReceivedMessage {
  chamber: "house" | "senate";
  /** validate (stores nothing) or message (delivers). */
  endpoint: "validate" | "message";
  office: string | null;
  deliveryId: string | null;
  xml: string;
  valid: boolean;
  errors: string[];
  status: number;
  at: number;
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null;

/**
 * A local server that speaks CWC for tests: the House's `POST /v2/validate`, `POST /v2/message`
 * and `GET /v2/offices` under /house, and the Senate's messages endpoint and
 * `GET /api/active_offices/` under /senate. Each message is validated against our RELAX NG
 * schema; answers are the real codes: 2xx (House 200, Senate 201), 400 with
 * `<Errors><Error>…</Error></Errors>`, 409 for a DeliveryId already received, 415 for a content
 * type that is not XML, 401 for a wrong key. It records everything it received.
 */
export class FakeCwc {
  received: ReceivedMessage[] = [];
  /** Statuses to answer the next requests with, before validating (e.g. 503, or "drop"). */
  faults: Array<number | "drop"> = [];
  /** Senate offices that take CWC (the others need the contact form). */
  senateOffices: string[] | null = null;
  apiKey = "test-key";
  /** Off for a load run: messages are recorded, not validated (validate a sample with validateCwcXml). */
  validate = true;
  private seen = new Set<string>();
  private server: Server | undefined;

  /**
   * The CWC settings that point the adapter at this server (after start), as strings, for
   * overrideEnv or a server process's environment. Pacing is the caller's.
   */
  settings() {
    if (!this.urls) throw new Error("start the fake CWC server first");
    return {
      CWC_HOUSE_URL: this.urls.houseUrl,
      CWC_HOUSE_API_KEY: this.apiKey,
      CWC_SENATE_URL: this.urls.senateUrl,
      CWC_SENATE_API_KEY: this.apiKey,
      CWC_DELIVERY_AGENT: "Bring Them Home Inc.",
      CWC_ACK_EMAIL: "cwc@example.org",
      CWC_CONTACT_NAME: "Delivery Desk",
      CWC_CONTACT_EMAIL: "desk@example.org",
      CWC_CONTACT_PHONE: "802-555-0100",
      CWC_MAINTENANCE_WINDOWS: "off",
    } as const;
  }

  private urls: { houseUrl: string; senateUrl: string } | null = null;

  async start(): Promise<{ houseUrl: string; senateUrl: string; base: string }> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (answer) => {
          if (answer === "drop") return req.socket.destroy();
          res.writeHead(answer.status, { "Content-Type": answer.type ?? "application/xml" });
          res.end(answer.body);
        },
        () => req.socket.destroy(),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.urls = { houseUrl: `${base}/house`, senateUrl: `${base}/senate/api/testing-messages/` };
    return { base, ...this.urls };
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** What reached each office as a delivered message (accepted or duplicate). */
  deliveredTo(office: string): ReceivedMessage[] {
    return this.received.filter((m) => m.endpoint === "message" && m.office === office && m.status < 300);
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: string; type?: string } | "drop"> {
    const arrived = Date.now();
    const url = new URL(req.url ?? "/", "http://x");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const xml = Buffer.concat(chunks).toString("utf8");
    if (url.searchParams.get("apikey") !== this.apiKey)
      return { status: 401, body: "<Errors><Error>Invalid API key</Error></Errors>" };
    if (req.method === "GET" && url.pathname === "/senate/api/active_offices/")
      return { status: 200, type: "application/json", body: JSON.stringify(this.senateOffices ?? []) };
    if (req.method === "GET" && url.pathname === "/house/v2/offices")
      return { status: 200, type: "application/json", body: JSON.stringify([]) };
    const chamber = url.pathname.startsWith("/senate/") ? "senate" : "house";
    const endpoint =
      chamber === "house" ? (url.pathname === "/house/v2/validate" ? "validate" : "message") : "message";
    if (
      req.method !== "POST" ||
      (chamber === "house" && !/^\/house\/v2\/(validate|message)$/.test(url.pathname))
    )
      return { status: 404, body: "<Errors><Error>Not found</Error></Errors>" };
    const fault = this.faults.shift();
    if (fault === "drop") return "drop";
    const record = (status: number, valid: boolean, errors: string[]) => {
      this.received.push({
        chamber,
        endpoint,
        office: tag(xml, "MemberOffice"),
        deliveryId: tag(xml, "DeliveryId"),
        xml,
        valid,
        errors,
        status,
        at: arrived,
      });
      return status;
    };
    if (fault)
      return { status: record(fault, false, []), body: "<Errors><Error>Unavailable</Error></Errors>" };
    if (!/^(application|text)\/xml\b/.test(req.headers["content-type"] ?? ""))
      return {
        status: record(415, false, []),
        body: "<Errors><Error>Unsupported media type</Error></Errors>",
      };
    const { valid, errors } = this.validate
      ? await validateCwcXml(xml)
      : { valid: true, errors: [] as string[] };
    const office = tag(xml, "MemberOffice");
    if (valid && office && chamber !== (office.startsWith("S") ? "senate" : "house"))
      errors.push(`MemberOffice ${office} is not an office of this chamber`);
    if (!valid || errors.length)
      return {
        status: record(400, false, errors),
        body: `<Errors>${errors.map((e) => `<Error>${e.replace(/[<&>]/g, " ")}</Error>`).join("")}</Errors>`,
      };
    const id = tag(xml, "DeliveryId") ?? "";
    if (endpoint === "message") {
      if (this.seen.has(id))
        return {
          status: record(409, true, []),
          body: "<Errors><Error>DeliveryId already received</Error></Errors>",
        };
      this.seen.add(id);
    }
    return { status: record(chamber === "senate" ? 201 : 200, true, []), body: "<Success/>" };
  }
}
