// Donations benchmark (run by hand, not by the test command). Start the built server with
//   STRIPE_WEBHOOK_SECRET=whsec_bench PORT=3617 DATA_DIR=/tmp/donations-bench node server.js
// then: node bench/donations.mjs http://127.0.0.1:3617
// Measures the campaign page (reads the giving roll-up), a replayed webhook event (signature
// check + one conflicting insert), and new events each applied exactly once.
import autocannon from "autocannon";
import Stripe from "stripe";

const base = process.argv[2] ?? "http://127.0.0.1:3617";
const secret = process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_bench";
const sdk = new Stripe("sk_test_bench");
const sign = (payload) => sdk.webhooks.generateTestHeaderString({ payload, secret });

async function run(title, options) {
  const r = await autocannon({ connections: 32, duration: 10, ...options });
  console.log(
    `${title}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`,
  );
}

const refund = (i) =>
  JSON.stringify({
    id: `evt_bench_${process.pid}_${i}`,
    object: "event",
    type: "charge.refunded",
    data: {
      object: {
        id: `ch_${i}`,
        object: "charge",
        payment_intent: `pi_bench_${process.pid}_${i}`,
        amount: 100,
        amount_refunded: 100,
        refunded: true,
      },
    },
  });
const replay = refund("replay");

await run("GET /campaigns/ask-moscow-beijing", { url: `${base}/campaigns/ask-moscow-beijing` });
await run("POST /webhooks/stripe, replayed event", {
  url: `${base}/webhooks/stripe`,
  method: "POST",
  body: replay,
  headers: { "content-type": "application/json", "stripe-signature": sign(replay) },
});
let n = 0;
await run("POST /webhooks/stripe, new events applied once", {
  url: `${base}/webhooks/stripe`,
  requests: [
    {
      method: "POST",
      setupRequest(req) {
        const body = refund(++n);
        return {
          ...req,
          method: "POST",
          body,
          headers: { "content-type": "application/json", "stripe-signature": sign(body) },
        };
      },
    },
  ],
});
