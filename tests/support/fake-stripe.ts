import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeStripeRequest {
  method: string;
  path: string;
  params: URLSearchParams;
  idempotencyKey: string | null;
  authorization: string | null;
}

/**
 * A local HTTP server that answers the Stripe API calls the app makes (through the real SDK,
 * pointed here with STRIPE_API_BASE): Checkout Sessions, billing-portal sessions, invoice
 * payments and deleted customers (an erasure). Like Stripe, it replays the first response for a repeated Idempotency-Key and refuses
 * the key when it comes back with different parameters.
 */
export async function startFakeStripe() {
  const requests: FakeStripeRequest[] = [];
  const idempotent = new Map<string, { body: string; status: number; response: string }>();
  const invoicePayments = new Map<string, string>();
  const deletedCustomers: string[] = [];
  let counter = 0;

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake");
    const params = new URLSearchParams(req.method === "GET" ? url.search : body);
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    requests.push({
      method: req.method ?? "",
      path: url.pathname,
      params,
      idempotencyKey,
      authorization: (req.headers.authorization as string | undefined) ?? null,
    });
    const send = (status: number, payload: unknown) => {
      const text = JSON.stringify(payload);
      if (idempotencyKey && req.method === "POST")
        idempotent.set(idempotencyKey, { body, status, response: text });
      res
        .writeHead(status, { "Content-Type": "application/json", "Request-Id": `req_${++counter}` })
        .end(text);
    };
    if (!req.headers.authorization?.startsWith("Bearer sk_"))
      return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
    if (idempotencyKey && req.method === "POST" && idempotent.has(idempotencyKey)) {
      const prior = idempotent.get(idempotencyKey)!;
      if (prior.body !== body) {
        res.writeHead(400, { "Content-Type": "application/json" }).end(
          JSON.stringify({
            error: {
              type: "idempotency_error",
              message:
                "Keys for idempotent requests can only be used with the same parameters they were first used with.",
            },
          }),
        );
        return;
      }
      res
        .writeHead(prior.status, { "Content-Type": "application/json", "Idempotent-Replayed": "true" })
        .end(prior.response);
      return;
    }
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const id = `cs_test_${randomBytes(8).toString("hex")}`;
      const mode = params.get("mode");
      if (mode !== "payment" && mode !== "subscription")
        return send(400, { error: { type: "invalid_request_error", message: "Invalid mode" } });
      const metadata = Object.fromEntries(
        [...params.entries()].filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]),
      );
      return send(200, {
        id,
        object: "checkout.session",
        mode,
        status: "open",
        payment_status: "unpaid",
        url: `https://checkout.stripe.com/c/pay/${id}`,
        metadata,
        success_url: params.get("success_url"),
        cancel_url: params.get("cancel_url"),
      });
    }
    if (req.method === "POST" && url.pathname === "/v1/billing_portal/sessions") {
      const id = `bps_${randomBytes(8).toString("hex")}`;
      return send(200, {
        id,
        object: "billing_portal.session",
        customer: params.get("customer"),
        return_url: params.get("return_url"),
        url: `https://billing.stripe.com/p/session/${id}`,
      });
    }
    if (req.method === "DELETE" && url.pathname.startsWith("/v1/customers/")) {
      const id = decodeURIComponent(url.pathname.slice("/v1/customers/".length));
      if (deletedCustomers.includes(id))
        return send(404, {
          error: {
            type: "invalid_request_error",
            code: "resource_missing",
            message: `No such customer: '${id}'`,
          },
        });
      deletedCustomers.push(id);
      return send(200, { id, object: "customer", deleted: true });
    }
    if (req.method === "GET" && url.pathname === "/v1/invoice_payments") {
      const invoice = params.get("invoice") ?? "";
      const pi = invoicePayments.get(invoice);
      return send(200, {
        object: "list",
        url: "/v1/invoice_payments",
        has_more: false,
        data: pi
          ? [
              {
                id: `inpay_${counter}`,
                object: "invoice_payment",
                invoice,
                payment: { type: "payment_intent", payment_intent: pi },
              },
            ]
          : [],
      });
    }
    send(404, {
      error: {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${req.method}: ${url.pathname})`,
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Customers deleted (an erasure), in order. */
    deletedCustomers,
    /** The PaymentIntent the invoice_payments endpoint reports for an invoice. */
    setInvoicePayment: (invoice: string, paymentIntent: string) =>
      invoicePayments.set(invoice, paymentIntent),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}
