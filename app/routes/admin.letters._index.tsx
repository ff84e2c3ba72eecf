import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { congressDataStatus } from "~/modules/legislators/data-status.server";
import { latestImportReport } from "~/modules/legislators/import-report.server";
import { seatLabel } from "~/modules/legislators/seats";
import { letterStats } from "~/modules/letters/letters-admin.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { parseId } from "~/lib/http.server";
import { DateOnly, DateTime } from "~/components/date-time";
import { CongressDataStatus } from "~/components/admin/congress-data-status";

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const [campaigns, congress, report] = await Promise.all([
    listCampaignsForAdmin(),
    congressDataStatus(),
    latestImportReport(),
  ]);
  const requested = parseId(new URL(request.url).searchParams.get("campaign"));
  const campaign =
    campaigns.find((c) => c.id === requested) ??
    campaigns.find((c) => c.status === "live") ??
    campaigns[0] ??
    null;
  const stats = campaign ? await letterStats(campaign.id) : null;
  return {
    campaigns: campaigns.map((c) => ({ id: c.id, title: c.title })),
    campaign,
    stats,
    congress,
    report,
    canPackets: can(organizer.role, "read-private-contact"),
  };
}

function seat(o: { recipientKind: string; state: string | null; district: number | null }) {
  if (o.recipientKind === "official") return "—";
  return o.state ? seatLabel(o.state, o.recipientKind === "senate" ? null : o.district) : "";
}

export default function AdminLetters() {
  const { campaigns, campaign, stats, congress, report, canPackets } = useLoaderData<typeof loader>();
  const max = Math.max(1, ...(stats?.states.map((s) => Number(s.submissions)) ?? [1]));
  return (
    <>
      <h1>Letters</h1>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Members of Congress data</h2>
        <p>
          <Link to="/admin/congresses">Congresses stored and the moment of the switch</Link>
        </p>
        <CongressDataStatus
          congress={congress}
          staleAdvice=": letters may go to former members. Import the current roster and district maps."
        >
          {(importedAt) => (
            <p>
              Data dated <strong>{congress.sourceDate ?? "unknown"}</strong>, imported{" "}
              {<DateTime value={importedAt} />} from <code className="break">{congress.source}</code>.
            </p>
          )}
        </CongressDataStatus>
        {report ? (
          <details>
            <summary>
              Last import: {report.added.length} added, {report.removed.length} removed,{" "}
              {report.changed.length} changed
            </summary>
            <div className="two-col">
              <div>
                <h3 className="h3">Added</h3>
                <ul className="small">
                  {report.added.length ? report.added.map((a) => <li key={a}>{a}</li>) : <li>None</li>}
                </ul>
              </div>
              <div>
                <h3 className="h3">Removed</h3>
                <ul className="small">
                  {report.removed.length ? report.removed.map((a) => <li key={a}>{a}</li>) : <li>None</li>}
                </ul>
              </div>
            </div>
            {report.changed.length ? (
              <>
                <h3 className="h3">Changed</h3>
                <ul className="small">
                  {report.changed.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </details>
        ) : null}
      </section>

      <Form method="get" className="toolbar">
        <label htmlFor="campaign">Campaign</label>
        <select id="campaign" name="campaign" defaultValue={campaign?.id}>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <button className="button button--small button--secondary" type="submit">
          Show
        </button>
        {campaign ? <Link to={`/admin/letters/${campaign.id}/templates`}>Edit letter templates</Link> : null}
        {campaign ? <Link to={`/admin/letters/${campaign.id}/delivery`}>Delivery through CWC</Link> : null}
        {campaign ? <Link to={`/admin/campaigns/${campaign.id}/targets`}>Targets</Link> : null}
      </Form>

      {campaign && stats ? (
        <>
          <ul className="stats">
            <li>
              <strong>{stats.total.toLocaleString("en-US")}</strong> letters
            </li>
            <li>
              <strong>{stats.offices.length}</strong> offices
            </li>
            <li>
              <strong>{stats.states.length}</strong> states
            </li>
          </ul>
          <h2>Letters per office</h2>
          {stats.offices.length ? (
            <table className="data">
              <thead>
                <tr>
                  <th>Office</th>
                  <th>Seat</th>
                  <th className="num">Letters</th>
                  <th>Last letter</th>
                  {canPackets ? <th>Delivery packet</th> : null}
                </tr>
              </thead>
              <tbody>
                {stats.offices.map((o) => {
                  const office = o.bioguide ? `bioguide:${o.bioguide}` : `official:${o.officialId}`;
                  const q = `campaign=${campaign.id}&office=${office}`;
                  return (
                    <tr key={office}>
                      <td>
                        {o.recipientKind === "official"
                          ? o.recipientName
                          : `${o.recipientTitle} ${o.recipientName}`}
                      </td>
                      <td>{seat(o)}</td>
                      <td className="num">{Number(o.count).toLocaleString("en-US")}</td>
                      <td>{o.lastSentAt ? <DateTime value={o.lastSentAt} /> : ""}</td>
                      {canPackets ? (
                        <td>
                          <a href={`/admin/letters/packet.pdf?${q}`}>PDF</a> ·{" "}
                          <a href={`/admin/letters/packet.csv?${q}`}>CSV</a>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted">No letters yet for this campaign.</p>
          )}
          <h2>Offices the campaign's rules target</h2>
          {stats.targets.length ? (
            <table className="data" data-testid="rule-targets">
              <thead>
                <tr>
                  <th>Office</th>
                  <th>Member</th>
                  <th>Why</th>
                  <th className="num">Letters</th>
                  {canPackets ? <th>Delivery packet</th> : null}
                </tr>
              </thead>
              <tbody>
                {stats.targets.map((t) => {
                  const q = `campaign=${campaign.id}&office=office:${t.office}`;
                  return (
                    <tr key={t.office} data-office={t.office}>
                      <td>{t.office}</td>
                      <td>{t.label}</td>
                      <td>{t.reason}</td>
                      <td className="num">{stats.writers.toLocaleString("en-US")}</td>
                      {canPackets ? (
                        <td>
                          <a href={`/admin/letters/packet.pdf?${q}`}>PDF</a> ·{" "}
                          <a href={`/admin/letters/packet.csv?${q}`}>CSV</a>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted">No committee, seat or delegation rules reach anyone today.</p>
          )}
          <h2>Supporters who wrote, per district</h2>
          <p className="small muted">Each under the district map in force when they wrote.</p>
          {stats.districts.length ? (
            <table className="data" data-testid="districts">
              <thead>
                <tr>
                  <th>District</th>
                  <th className="num">Supporters</th>
                </tr>
              </thead>
              <tbody>
                {stats.districts.map((d) => (
                  <tr key={d.label} data-district={d.label}>
                    <td>{d.label}</td>
                    <td className="num">{d.count.toLocaleString("en-US")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <h2>Supporters who wrote, per state</h2>
          {stats.states.length ? (
            <table className="data">
              <thead>
                <tr>
                  <th>State</th>
                  <th className="num">Supporters</th>
                  <th>Share</th>
                  <th>Last</th>
                </tr>
              </thead>
              <tbody>
                {stats.states.map((s) => (
                  <tr key={s.state}>
                    <td>{s.state}</td>
                    <td className="num">{Number(s.submissions).toLocaleString("en-US")}</td>
                    <td>
                      <svg className="bar" viewBox="0 0 100 8" width="120" height="10" aria-hidden="true">
                        <rect width={(100 * Number(s.submissions)) / max} height="8" fill="currentColor" />
                      </svg>
                    </td>
                    <td>{s.lastAt ? <DateOnly value={s.lastAt} /> : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
