import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { MonthChart } from "~/components/donations/month-chart";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DONATION_STATUS_LABELS, FREQUENCY_LABELS, formatCents } from "~/modules/donations/donations";
import { adminDonationsPage, parseDonationFilters } from "~/modules/donations/donations-admin.server";
import { isTestMode } from "~/modules/donations/stripe.server";
import { requireOrganizer } from "~/modules/organizers/session.server";

export const meta: MetaFunction = () => [{ title: "Donations | Organizers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request, "read");
  const url = new URL(request.url);
  const filters = parseDonationFilters(url.searchParams);
  const page = await adminDonationsPage(organizer.role, filters);
  return { ...page, filters, query: url.searchParams.toString(), testMode: isTestMode() };
}

export default function AdminDonations() {
  const { donations, more, byCampaign, byMonth, campaigns, showEmail, showNames, filters, query, testMode } = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const p = new URLSearchParams(query);
    p.set("page", String(page));
    return `?${p.toString()}`;
  };
  return (
    <>
      <h1>Donations</h1>
      {testMode ? <p className="warning">Test mode: no Stripe key is set, so these gifts moved no money.</p> : null}
      <Form method="get" className="toolbar filters" aria-label="Filter donations">
        <label>
          Campaign
          <select name="campaign" defaultValue={String(filters.campaign ?? "")}>
            <option value="">All</option>
            <option value="general">General fund</option>
            {campaigns.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </label>
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">All</option>
            {Object.entries(DONATION_STATUS_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <label>
          Frequency
          <select name="frequency" defaultValue={filters.frequency ?? ""}>
            <option value="">All</option>
            {Object.entries(FREQUENCY_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <label>From <input type="date" name="from" defaultValue={filters.from ?? ""} /></label>
        <label>To <input type="date" name="to" defaultValue={filters.to ?? ""} /></label>
        <button className="button button--small button--secondary" type="submit">Filter</button>
        <a className="button button--small" href={`/admin/donations.csv?${query}`} download>Export CSV</a>
      </Form>
      {!showEmail ? <p className="muted small">Donor email addresses are shown to owners only.</p> : null}

      <div className="two-col">
        <section aria-labelledby="by-campaign">
          <h2 id="by-campaign">By campaign</h2>
          <table className="data">
            <thead><tr><th>Campaign</th><th className="num">Raised</th><th className="num">Donors</th><th className="num">Gifts</th><th className="num">Refunded or disputed</th></tr></thead>
            <tbody>
              {byCampaign.map((c) => (
                <tr key={c.campaignTitle ?? "general"}>
                  <td>{c.campaignTitle ?? "General fund"}</td>
                  <td className="num">{formatCents(Number(c.raisedCents))}</td>
                  <td className="num">{c.donors}</td>
                  <td className="num">{c.gifts}</td>
                  <td className="num">{formatCents(Number(c.lostCents))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3 className="h3">Goals</h3>
          <ul className="link-list">
            {campaigns.map((c) => <li key={c.id}>{c.title}: {formatCents(c.raisedCents)} of {formatCents(c.goalCents)}, {c.donorCount} donors</li>)}
          </ul>
        </section>
        <section aria-labelledby="by-month">
          <h2 id="by-month">By month</h2>
          <MonthChart months={byMonth} />
        </section>
      </div>

      <h2>Donations</h2>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th>Started</th><th>Campaign</th><th>Frequency</th><th className="num">Amount</th><th>Status</th><th className="num">Given</th>
              {showNames ? <th>Name</th> : null}
              {showEmail ? <th>Email</th> : null}
            </tr>
          </thead>
          <tbody>
            {donations.map((d) => (
              <tr key={d.id}>
                <td>{new Date(d.createdAt).toLocaleString("en-US")}</td>
                <td>{d.campaignTitle ?? "General fund"}</td>
                <td>{FREQUENCY_LABELS[d.frequency]}</td>
                <td className="num">{formatCents(d.amountCents)}</td>
                <td>{DONATION_STATUS_LABELS[d.status]}{d.testMode ? " (test)" : ""}</td>
                <td className="num">{formatCents(Number(d.givenCents))}{d.giftCount > 1 ? ` (${d.giftCount} gifts)` : ""}</td>
                {showNames ? <td>{d.name}</td> : null}
                {showEmail ? <td>{d.email ?? ""}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!donations.length ? <p>No donations match.</p> : null}
      <p className="toolbar">
        {filters.page > 0 ? <Link to={pageLink(filters.page - 1)}>Newer</Link> : null}
        {more ? <Link to={pageLink(filters.page + 1)}>Older</Link> : null}
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
