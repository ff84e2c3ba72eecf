import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { ordinal } from "~/modules/legislators/congress.server";
import { congressesOverview } from "~/modules/legislators/congresses-admin.server";
import { requireOrganizer } from "~/modules/organizers/session.server";

export const meta: MetaFunction = () => [{ title: "Congresses · Admin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request);
  const overview = await congressesOverview();
  return {
    ...overview,
    congresses: overview.congresses.map((c) => ({ ...c, label: `${ordinal(c.number)} Congress` })),
    notices: overview.notices.map((n) => ({ ...n, label: `${ordinal(n.congress)} Congress` })),
  };
}

const number = (n: number) => n.toLocaleString("en-US");

export default function AdminCongresses() {
  const { congresses, switchAt, notices } = useLoaderData<typeof loader>();
  const current = congresses.find((c) => c.state === "in force");
  const next = congresses.find((c) => c.state === "next");
  return (
    <>
      <h1>Congresses</h1>
      <p>
        Members, ZIP districts and committee rosters are stored per Congress. Every lookup, target, letter and
        delivery uses the Congress in force at that moment.
        {current ? (
          <>
            {" "}
            In force now: <strong>{current.label}</strong>.
          </>
        ) : null}
      </p>
      {switchAt && next ? (
        <p className="notice" data-switch-at={switchAt}>
          The <strong>{next.label}</strong> takes effect <DateTime value={switchAt} full /> (noon Eastern on
          its first day). Targets resolve to its members from then on by themselves; letters written before
          and delivered after are re-addressed at delivery.
        </p>
      ) : (
        <p>
          No next Congress is stored yet. Import its files when they are published, before the swearing-in.
        </p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the keyboard */}
      <section className="table-scroll" aria-label="Stored Congresses" tabIndex={0}>
        <table className="data">
          <caption className="visually-hidden">Stored Congresses</caption>
          <thead>
            <tr>
              <th scope="col">Congress</th>
              <th scope="col">Takes effect</th>
              <th scope="col">Members</th>
              <th scope="col">ZIP codes</th>
              <th scope="col">Committee seats</th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          <tbody>
            {congresses.map((c) => (
              <tr key={c.number} data-congress={c.number}>
                <th scope="row">
                  {c.label} ({c.state})
                </th>
                <td>
                  <DateTime value={c.takesEffectAt} />
                </td>
                <td>{number(c.members)}</td>
                <td>{number(c.zips)}</td>
                <td>
                  {number(c.memberships)} in {number(c.committees)} committees
                </td>
                <td>{c.importedAt ? <DateTime value={c.importedAt} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">Committee targets</h2>
        {notices.length ? (
          <ul>
            {notices.map((n) => (
              <li key={`${n.congress}-${n.campaignId}-${n.notice}`} className="notice">
                {n.label}, <Link to={`/admin/campaigns/${n.campaignId}/targets`}>{n.title}</Link>: {n.notice}
              </li>
            ))}
          </ul>
        ) : (
          <p>Every committee target has members in the Congresses shown.</p>
        )}
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
