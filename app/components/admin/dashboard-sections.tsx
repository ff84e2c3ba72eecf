import { Link } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { countOf, METRIC_WORDS } from "~/modules/dashboard/figures";
import { WINDOW_KEYS, WINDOWS, type WindowKey } from "~/modules/dashboard/windows";
import { seatLabel } from "~/modules/legislators/seats";
import { BarChart } from "./bar-chart";

type Metric = {
  key: string;
  buckets: Array<{ start: number; value: number }>;
  totals: Record<WindowKey, number>;
};

/** One campaign's figures over the last day, week and month, and a chart per figure for the chosen window. */
export function CampaignActivity({
  campaign,
  window,
}: {
  campaign: { id: number; title: string; metrics: Metric[] };
  window: WindowKey;
}) {
  const headingId = `campaign-${campaign.id}`;
  return (
    <section className="dash-campaign" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/admin/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </h3>
      <div className="table-scroll">
        <table className="data dash-figures">
          <caption className="visually-hidden">{campaign.title}: figures by period</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {WINDOW_KEYS.map((k) => (
                <th scope="col" key={k} className="num">
                  {WINDOWS[k].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {campaign.metrics.map((m) => (
              <tr key={m.key}>
                <th scope="row">{METRIC_WORDS[m.key].heading}</th>
                {WINDOW_KEYS.map((k) => (
                  <td key={k} className="num">
                    {METRIC_WORDS[m.key].figure(m.totals[k])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="dash-charts">
        {campaign.metrics.map((m) => {
          const words = METRIC_WORDS[m.key];
          const caption = `${words.heading}, ${WINDOWS[window].label.toLowerCase()}: ${words.figure(m.totals[window])}`;
          return (
            <li key={m.key}>
              <p className="dash-chart__caption">{caption}</p>
              <BarChart
                title={`${campaign.title}: ${caption}`}
                bars={m.buckets}
                hourly={WINDOWS[window].hoursPerBucket === 1}
                read={words.read}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The links that switch every chart's window (plain links: no script needed). */
export function WindowSwitch({ window }: { window: WindowKey }) {
  return (
    <nav aria-label="Period shown in the charts" className="dash-windows">
      {WINDOW_KEYS.map((k) => (
        <Link key={k} to={`?window=${k}`} aria-current={k === window ? "page" : undefined}>
          {WINDOWS[k].label}
        </Link>
      ))}
    </nav>
  );
}

/** The states and districts with the most confirmed signatures (all petitions). */
export function TopPlaces({
  states,
  districts,
}: {
  states: Array<{ state: string; n: number }>;
  districts: Array<{ state: string; district: number; n: number }>;
}) {
  if (!states.length) return <p>No confirmed signatures yet.</p>;
  return (
    <div className="dash-places">
      <table className="data">
        <caption>Top states</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Signatures
            </th>
          </tr>
        </thead>
        <tbody>
          {states.map((s) => (
            <tr key={s.state}>
              <th scope="row">{s.state}</th>
              <td className="num">{countOf(s.n, "signature", "signatures")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data">
        <caption>Top House districts</caption>
        <thead>
          <tr>
            <th scope="col">District</th>
            <th scope="col" className="num">
              Signatures
            </th>
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => (
            <tr key={`${d.state}-${d.district}`}>
              <th scope="row">
                {d.district < 0 ? `${d.state}, district not known` : seatLabel(d.state, d.district)}
              </th>
              <td className="num">{countOf(d.n, "signature", "signatures")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type LastUpdate = {
  id: number;
  subject: string;
  startedAt: string | Date | null;
  campaignTitle: string | null;
  unsubscribed: number;
  progress: {
    sent: number;
    pending: number;
    delivered: number;
    bounced: number;
    complained: number;
    skipped: number;
  };
};

/** The last update's email figures, as sentences. */
export function LastUpdateFigures({ update }: { update: LastUpdate | null }) {
  if (!update) return <p>No update has been sent yet.</p>;
  const p = update.progress;
  return (
    <>
      <p>
        <Link to={`/admin/updates/${update.id}`}>{update.subject}</Link>
        {update.campaignTitle ? ` (${update.campaignTitle})` : " (to every subscriber)"}, sending started{" "}
        {update.startedAt ? <DateTime value={update.startedAt} /> : null}.
      </p>
      <ul className="stats stats--small">
        <li>{countOf(p.sent, "email sent", "emails sent")}</li>
        <li>{countOf(p.pending, "still queued", "still queued")}</li>
        <li>{countOf(p.delivered, "delivered", "delivered")}</li>
        <li>{countOf(p.bounced, "bounced", "bounced")}</li>
        <li>{countOf(p.complained, "complaint (marked as spam)", "complaints (marked as spam)")}</li>
        <li>
          {countOf(update.unsubscribed, "recipient unsubscribed since", "recipients unsubscribed since")}
        </li>
        <li>{countOf(p.skipped, "skipped at send time", "skipped at send time")}</li>
      </ul>
    </>
  );
}
