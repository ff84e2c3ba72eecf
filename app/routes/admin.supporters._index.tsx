import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DataTable, Pager } from "~/components/admin/data-table";
import { FilterSelect } from "~/components/forms";
import { queryInput } from "~/lib/input.server";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { seatLabel } from "~/modules/legislators/seats";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { supporterSearchPage } from "~/modules/supporters/supporters-admin.server";
import { supporterSearchSchema } from "~/modules/supporters/supporters-admin.schema";

export const meta: MetaFunction = () => [{ title: "Supporters | Organizers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request, "read-private-contact");
  const url = new URL(request.url);
  const input = queryInput(url.searchParams);
  const search = supporterSearchSchema.parse(input.ok ? input.values : {});
  const [page, campaigns] = await Promise.all([supporterSearchPage(search), listCampaignsForAdmin()]);
  const query = new URLSearchParams(url.searchParams);
  query.delete("page");
  return {
    ...page,
    search,
    query: query.toString(),
    campaigns: Object.fromEntries(campaigns.map((c) => [String(c.id), c.title])),
  };
}

export default function Supporters() {
  const { rows, more, page, search, query, campaigns, tags } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Supporters</h1>
      <p>
        <Link to="/admin/supporters/import">Import supporters from a CSV file</Link>
      </p>
      <Form method="get" className="toolbar" aria-label="Search supporters">
        <label htmlFor="q">Name or email</label>
        <input id="q" name="q" defaultValue={search.q ?? ""} type="search" />
        <label htmlFor="zip">ZIP</label>
        <input id="zip" name="zip" defaultValue={search.zip ?? ""} inputMode="numeric" size={6} />
        <label htmlFor="state">State</label>
        <input id="state" name="state" defaultValue={search.state ?? ""} size={3} />
        <label htmlFor="district">District</label>
        <input
          id="district"
          name="district"
          defaultValue={search.district ?? ""}
          inputMode="numeric"
          size={3}
        />
        <FilterSelect
          name="campaignId"
          label="Campaign"
          any="Any campaign"
          options={campaigns}
          value={search.campaignId}
        />
        <FilterSelect
          name="tag"
          label="Tag"
          any="Any tag"
          options={Object.fromEntries(tags.map((t) => [t, t]))}
          value={search.tag}
        />
        <FilterSelect
          name="action"
          label="Action"
          any="Any action"
          options={{ signed: "Signed", wrote: "Wrote", gave: "Gave" }}
          value={search.action}
        />
        <button className="button" type="submit">
          Search
        </button>
      </Form>
      {rows.length ? (
        <DataTable
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              head: "Name",
              cell: (r) => (
                <Link to={`/admin/supporters/${r.id}`}>
                  {`${r.firstName} ${r.lastName}`.trim() || "(no name)"}
                </Link>
              ),
            },
            { head: "Email", cell: (r) => r.email },
            { head: "ZIP", cell: (r) => r.zip ?? "" },
            {
              head: "District",
              cell: (r) => (r.state ? (r.district === null ? r.state : seatLabel(r.state, r.district)) : ""),
            },
          ]}
        />
      ) : (
        <p>No supporter matches.</p>
      )}
      <Pager page={page} more={more} link={(p) => `?${query ? `${query}&` : ""}page=${p}`} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
