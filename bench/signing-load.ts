/**
 * What the signing benches share: the same-run baseline every figure is read against, and the
 * body of the n-th bench signer, so runs of different benches sign alike.
 */
import pg from "pg";

/** Bare single-row INSERTs a second through pg at `connections` clients for 10 s. */
export async function bareInsertRate(url: string, connections: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query(
    "create table if not exists bench_baseline (id bigserial primary key, v text not null, created_at timestamptz not null default now())",
  );
  let n = 0;
  const end = Date.now() + 10_000;
  await Promise.all(
    Array.from({ length: connections }, async (_, w) => {
      while (Date.now() < end) {
        await pool.query("insert into bench_baseline (v) values ($1)", [`w${w}-${n}`]);
        n++;
      }
    }),
  );
  await pool.end();
  return Math.round(n / 10);
}

/** The n-th signer's address (5,000 domains, so the per-domain limit never bites) and body. */
export function benchSigner(prefix: string, i: number): { email: string; body: string } {
  const email = `${prefix}-${i}@d${i % 5000}.example`;
  const body = JSON.stringify({
    firstName: "Bench",
    lastName: "Signer",
    email,
    zip: "05401",
    optIn: i % 3 === 0,
    showName: i % 7 === 0,
  });
  return { email, body };
}
