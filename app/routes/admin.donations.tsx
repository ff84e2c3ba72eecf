import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { MonthChart } from "~/components/donations/month-chart";
import { DONATION_STATUS_LABELS, FREQUENCY_LABELS, formatCents } from "~/modules/donations/donations";
import {
  adminDonationsPage,
  goalFormSchema,
  parseDonationFilters,
  setDonationGoal,
} from "~/modules/donations/donations-admin.server";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { can } from "~/modules/organizers/organizers";
import { isTestMode } from "~/modules/donations/stripe.server";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { invalid, requireFormValues } from "~/lib/input.server";
import { DateTime } from "~/components/date-time";
import { FilterSelect } from "~/components/forms";
import { DataTable, Pager } from "~/components/admin/data-table";
import { Notice } from "~/components/notice";

export const meta: MetaFunction = () => [{ title: "Donations | Organizers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request, "read");
  const url = new URL(request.url);
  const filters = parseDonationFilters(url.searchParams);
  const [page, allCampaigns] = await Promise.all([
    adminDonationsPage(organizer.role, filters),
    listCampaignsForAdmin(),
  ]);
  return {
    ...page,
    allCampaigns: allCampaigns.map((c) => ({ id: c.id, title: c.title })),
    canEdit: can(organizer.role, "edit-content"),
    filters,
    query: url.searchParams.toString(),
    testMode: isTestMode(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const parsed = goalFormSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) return invalid(parsed.error, {});
  const ok = await setDonationGoal(organizer.id, parsed.data.campaignId, parsed.data.goal);
  if (!ok) return invalid({ campaignId: "That campaign no longer exists." }, {});
  throw redirect("/admin/donations?goal=saved", 303);
}

export default function AdminDonations() {
  const {
    donations,
    more,
    byCampaign,
    byMonth,
    campaigns,
    allCampaigns,
    canEdit,
    showEmail,
    showNames,
    filters,
    query,
    testMode,
  } = useLoaderData<typeof loader>();
  const goalErrors: Record<string, string> = useActionData<typeof action>()?.fields ?? {};
  const [search] = useSearchParams();
  const pageLink = (page: number) => {
    const p = new URLSearchParams(query);
    p.set("page", String(page));
    return `?${p.toString()}`;
  };
  return (
    <>
      <h1>Donations</h1>
      {testMode ? (
        <p className="warning">Test mode: no Stripe key is set, so these gifts moved no money.</p>
      ) : null}
      <Form method="get" className="toolbar filters" aria-label="Filter donations">
        <div>
          <FilterSelect
            name="campaign"
            label="Campaign"
            any="All"
            options={Object.fromEntries(campaigns.map((c) => [String(c.id), c.title]))}
            value={filters.campaign}
          >
            <option value="general">General fund</option>
          </FilterSelect>
        </div>
        <div>
          <FilterSelect
            name="status"
            label="Status"
            any="All"
            options={DONATION_STATUS_LABELS}
            value={filters.status}
          />
        </div>
        <div>
          <FilterSelect
            name="frequency"
            label="Frequency"
            any="All"
            options={FREQUENCY_LABELS}
            value={filters.frequency}
          />
        </div>
        <label>
          From <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        <button className="button button--small button--secondary" type="submit">
          Filter
        </button>
        <a className="button button--small" href={`/admin/donations.csv?${query}`} download>
          Export CSV
        </a>
      </Form>
      {!showEmail ? <p className="muted small">Donor email addresses are shown to owners only.</p> : null}

      <div className="two-col">
        <section aria-labelledby="by-campaign">
          <h2 id="by-campaign">By campaign</h2>
          <table className="data">
            <thead>
              <tr>
                <th>Campaign</th>
                <th className="num">Raised</th>
                <th className="num">Donors</th>
                <th className="num">Gifts</th>
                <th className="num">Refunded or disputed</th>
              </tr>
            </thead>
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
            {campaigns.map((c) => (
              <li key={c.id}>
                {c.title}: {formatCents(c.raisedCents)} of {formatCents(c.goalCents)}, {c.donorCount} donors
              </li>
            ))}
          </ul>
          <Notice when={search.get("goal") === "saved"}>Goal saved.</Notice>
          {canEdit ? (
            <Form method="post" className="toolbar filters" aria-label="Set a donation goal">
              <label>
                Campaign
                <select name="campaignId" aria-invalid={goalErrors.campaignId ? true : undefined}>
                  {allCampaigns.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Goal in dollars
                <input
                  type="text"
                  inputMode="decimal"
                  name="goal"
                  aria-invalid={goalErrors.goal ? true : undefined}
                />
              </label>
              <button className="button button--small" type="submit">
                Save goal
              </button>
              {goalErrors.goal || goalErrors.campaignId ? (
                <p className="field-error" role="alert">
                  {goalErrors.goal ?? goalErrors.campaignId}
                </p>
              ) : null}
              <p className="hint">A campaign with a goal takes gifts on its page.</p>
            </Form>
          ) : null}
        </section>
        <section aria-labelledby="by-month">
          <h2 id="by-month">By month</h2>
          <MonthChart months={byMonth} />
        </section>
      </div>

      <h2>Donations</h2>
      <div className="table-scroll">
        <DataTable
          rows={donations}
          rowKey={(d) => d.id}
          columns={[
            { head: "Started", cell: (d) => <DateTime value={d.createdAt} /> },
            { head: "Campaign", cell: (d) => d.campaignTitle ?? "General fund" },
            { head: "Frequency", cell: (d) => FREQUENCY_LABELS[d.frequency] },
            { head: "Amount", className: "num", cell: (d) => formatCents(d.amountCents) },
            {
              head: "Status",
              cell: (d) => `${DONATION_STATUS_LABELS[d.status]}${d.testMode ? " (test)" : ""}`,
            },
            {
              head: "Given",
              className: "num",
              cell: (d) =>
                `${formatCents(Number(d.givenCents))}${d.giftCount > 1 ? ` (${d.giftCount} gifts)` : ""}`,
            },
            showNames && { head: "Name", cell: (d) => d.name },
            showEmail && { head: "Email", cell: (d) => d.email ?? "" },
          ]}
        />
      </div>
      {!donations.length ? <p>No donations match.</p> : null}
      <Pager page={filters.page} more={more} link={pageLink} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
