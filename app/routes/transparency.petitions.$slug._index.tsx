import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { appUrl, env } from "~/env.server";
import { findPetitionLog, recentCheckpoints } from "~/modules/transparency/transparency.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const log = await findPetitionLog(params.slug ?? "");
  if (!log || log.missing) throw new Response("No such petition.", { status: 404 });
  const older = await recentCheckpoints(log.petitionId);
  return {
    slug: log.slug,
    title: log.title,
    tally: log.json.tally,
    pending: log.json.pending,
    size: log.size,
    checkpoint: log.checkpoint,
    older: older.map((c) => ({ size: c.size, at: c.createdAt.toISOString() })),
    url: `${appUrl()}/transparency/petitions/${log.slug}`,
    cadenceMinutes: Math.max(1, Math.round(env().TRANSPARENCY_CHECKPOINT_SECONDS / 60)),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Check the count: ${data?.title ?? "petition"} | Bring them home` },
];

export default function PetitionLogPage() {
  const d = useLoaderData<typeof loader>();
  const n = (v: number) => v.toLocaleString("en-US");
  return (
    <div className="wrap page prose">
      <h1>Check the count: {d.title}</h1>
      <p className="lead">
        {n(d.tally.net)} signatures count. Every one of them is a line in a public log that anyone can
        download and check. <Link to="/transparency">What this proves, and what it cannot</Link>.
      </p>
      <p>
        While signatures arrive, a new checkpoint is signed every {d.cadenceMinutes} minute
        {d.cadenceMinutes === 1 ? "" : "s"}, and at once after any removal, so the petition's page may count
        up to that much ahead of the figures here.
      </p>
      <table>
        <caption>The tally of the log at its latest signed checkpoint ({n(d.size)} lines)</caption>
        <tbody>
          <tr>
            <th scope="row">Confirmed signatures in the log</th>
            <td>{n(d.tally.confirmed)}</td>
          </tr>
          <tr>
            <th scope="row">Invalidated</th>
            <td>{n(d.tally.invalidated)}</td>
          </tr>
          <tr>
            <th scope="row">Withdrawn by the signer</th>
            <td>{n(d.tally.withdrawn)}</td>
          </tr>
          <tr>
            <th scope="row">Erased at the signer’s request</th>
            <td>{n(d.tally.erased)}</td>
          </tr>
          <tr>
            <th scope="row">Counted</th>
            <td>{n(d.tally.net)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        Not yet in the log: {n(d.pending)} {d.pending === 1 ? "signature waits" : "signatures wait"} for an
        email confirmation. They are not counted until the signer confirms.
      </p>
      <h2>Download and check</h2>
      <ul>
        <li>
          <a href={`/transparency/petitions/${d.slug}/log`}>The log</a> (one line per event)
        </li>
        <li>
          <a href={`/transparency/petitions/${d.slug}/checkpoint`}>The latest signed checkpoint</a>
        </li>
        <li>
          <a href={`/transparency/petitions/${d.slug}/tally.json`}>The tally</a> (also by state, district and
          hour)
        </li>
      </ul>
      <p>With a copy of this site’s code, check all three in one command:</p>
      <pre>
        <code>npm run verify -- {d.url} [--receipt YOUR-CODE] [--previous old-checkpoint.txt]</code>
      </pre>
      <h2>The latest checkpoint</h2>
      <pre>
        <code>{d.checkpoint}</code>
      </pre>
      {d.older.length > 1 ? (
        <>
          <h2>Earlier checkpoints</h2>
          <ul>
            {d.older.slice(1).map((c) => (
              <li key={c.size}>
                <a href={`/transparency/petitions/${d.slug}/checkpoint?size=${c.size}`}>
                  {n(c.size)} lines, {c.at.slice(0, 16).replace("T", " ")} UTC
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
