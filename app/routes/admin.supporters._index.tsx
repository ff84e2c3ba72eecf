import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable, Pager } from "~/components/admin/data-table";
import { FilterSelect } from "~/components/forms";
import { invalid, queryInput, requireFormValues } from "~/lib/input.server";
import { can } from "~/modules/organizers/organizers";
import { saveSegment, segmentsForSearch } from "~/modules/supporters/segments.server";
import { listCampaignsForAdmin } from "~/modules/campaigns/campaigns.server";
import { seatLabel } from "~/modules/legislators/seats";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { supporterSearchPage } from "~/modules/supporters/supporters-admin.server";
import { segmentFormSchema, supporterSearchSchema } from "~/modules/supporters/supporters-admin.schema";

export const meta: MetaFunction = () => [{ title: "Supporters | Organizers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request, "read-private-contact");
  const url = new URL(request.url);
  const input = queryInput(url.searchParams);
  const search = supporterSearchSchema.parse(input.ok ? input.values : {});
  const [page, campaigns, segments] = await Promise.all([
    supporterSearchPage(search),
    listCampaignsForAdmin(),
    segmentsForSearch(),
  ]);
  const query = new URLSearchParams(url.searchParams);
  query.delete("page");
  query.delete("saved");
  return {
    ...page,
    search,
    query: query.toString(),
    campaigns: Object.fromEntries(campaigns.map((c) => [String(c.id), c.title])),
    segments,
    canSaveSegment: can(organizer.role, "edit-content"),
    saved: url.searchParams.get("saved") === "1",
  };
}

/** Saves the search shown (its fields come with the form) as a named segment. */
export async function action({ request }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const values = await requireFormValues(request);
  const parsed = segmentFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { message: null as string | null });
  const search = supporterSearchSchema.parse(values);
  const result = await saveSegment(organizer.id, parsed.data.segmentName, search);
  if (!result.ok) return invalid({}, { message: result.message });
  const query = new URLSearchParams(new URL(request.url).search);
  query.delete("index");
  query.set("saved", "1");
  throw redirect(`/admin/supporters?${query}`);
}

const FILTERS = ["q", "zip", "state", "district", "campaignId", "tag", "action"] as const;

export default function Supporters() {
  const { rows, more, page, search, query, campaigns, tags, segments, canSaveSegment, saved } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const filtered = FILTERS.some((f) => search[f] !== undefined);
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
      {segments.length ? (
        <nav aria-label="Saved segments" className="row">
          <span>Segments:</span>
          {segments.map((g) => (
            <Link key={g.id} to={`/admin/supporters?${g.query}`}>
              {g.name}
            </Link>
          ))}
        </nav>
      ) : null}
      {saved ? <p role="status">Segment saved: choose it as the audience of an update.</p> : null}
      {canSaveSegment && filtered ? (
        <Form method="post" className="toolbar" aria-label="Save this search as a segment">
          {FILTERS.map((f) =>
            search[f] === undefined ? null : (
              <input key={f} type="hidden" name={f} value={String(search[f])} />
            ),
          )}
          <label htmlFor="segmentName">Save this search as a segment named</label>
          <input id="segmentName" name="segmentName" maxLength={80} required />
          <button className="button secondary" type="submit">
            Save the segment
          </button>
          {result?.fields?.segmentName ? <p className="field-error">{result.fields.segmentName}</p> : null}
          {result?.message ? <p className="field-error">{result.message}</p> : null}
        </Form>
      ) : null}
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
