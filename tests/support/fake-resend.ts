import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  idempotencyKey: string | null;
  /** The recipients of each message (not the whole body, so 100,000 stay cheap to keep). */
  to: string[];
  /** The parsed body, kept only when `keepBodies` is on. */
  body?: unknown;
  /** Answered from the idempotency cache: nothing new was "sent". */
  replayed: boolean;
  status: number;
}

export type Fault = { kind: "status"; status: number; retryAfter?: number } | { kind: "drop" };

/**
 * A local server that speaks the part of Resend's HTTP API the app uses: POST /emails and
 * POST /emails/batch (and DELETE /contacts/<email>, an erasure), with Idempotency-Key semantics (same key and body: the first answer again;
 * same key, other body: 409 invalid_idempotent_request). It records every request and can fail
 * the next N requests with a status (429 with retry-after, 500) or by dropping the connection.
 */
export class FakeResend {
  requests: RecordedRequest[] = [];
  /** Contacts deleted through DELETE /contacts/<email or id>. */
  deletedContacts: string[] = [];
  private faults: Fault[] = [];
  /** Idempotency keys with a digest of the body they came with and the first answer. */
  private cache = new Map<string, { body: string; response: unknown }>();
  private server: Server | undefined;
  private counter = 0;
  keepBodies = true;
  /** A provider's latency: each answer waits this long (the kill-and-resume run uses it). */
  delayMs = 0;
  /** While set, each request with no queued fault asks it for one (a fault run's outage window). */
  faultFor: (() => Fault | undefined) | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (answer) => {
          if (answer === "drop") {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.status, { "Content-Type": "application/json", ...(answer.headers ?? {}) });
          res.end(JSON.stringify(answer.body));
        },
        () => req.socket.destroy(),
      );
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  reset() {
    this.requests = [];
    this.faults = [];
    this.cache.clear();
  }

  failNext(count: number, fault: Fault) {
    for (let i = 0; i < count; i++) this.faults.push(fault);
  }

  /** Recipients that were really accepted (first answers, not idempotent replays). */
  acceptedRecipients(): string[] {
    return this.requests.filter((r) => r.status === 200 && !r.replayed).flatMap((r) => r.to);
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<"drop" | { status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const path = req.url ?? "";
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    const messages = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{ to?: string[] | string }>;
    const to = messages.flatMap((m) => (Array.isArray(m?.to) ? m.to : m?.to ? [m.to] : []));
    const record = (status: number, replayed = false) =>
      this.requests.push({
        path,
        idempotencyKey: key,
        to,
        body: this.keepBodies ? parsed : undefined,
        replayed,
        status,
      });

    if (!req.headers.authorization?.startsWith("Bearer ")) {
      record(401);
      return { status: 401, body: { statusCode: 401, name: "missing_api_key", message: "Missing API key" } };
    }
    const fault = this.faults.shift() ?? this.faultFor?.();
    if (fault?.kind === "drop") {
      record(0);
      return "drop";
    }
    if (fault?.kind === "status") {
      record(fault.status);
      const name = fault.status === 429 ? "rate_limit_exceeded" : "internal_server_error";
      return {
        status: fault.status,
        body: { statusCode: fault.status, name, message: `fake ${fault.status}` },
        headers: fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {},
      };
    }
    // An erasure deletes the contact for an address (DELETE /contacts/<email or id>).
    if (req.method === "DELETE" && path.startsWith("/contacts/")) {
      const contact = decodeURIComponent(path.slice("/contacts/".length));
      this.deletedContacts.push(contact);
      record(200);
      return { status: 200, body: { object: "contact", contact, deleted: true } };
    }
    if (req.method !== "POST" || (path !== "/emails" && path !== "/emails/batch")) {
      record(404);
      return { status: 404, body: { statusCode: 404, name: "not_found", message: "Not found" } };
    }
    const digest = createHash("sha256").update(raw).digest("base64");
    if (key) {
      const cached = this.cache.get(key);
      if (cached && cached.body !== digest) {
        record(409);
        return {
          status: 409,
          body: {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key, different payload",
          },
        };
      }
      if (cached) {
        record(200, true);
        return { status: 200, body: cached.response };
      }
    }
    const response =
      path === "/emails/batch"
        ? { data: messages.map(() => ({ id: `fake-${++this.counter}` })) }
        : { id: `fake-${++this.counter}` };
    if (key) this.cache.set(key, { body: digest, response });
    record(200);
    return { status: 200, body: response };
  }
}
