import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TipStatusBadge } from "~/components/admin/tip-badge";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { TIP_STATUS_LABELS, TIP_STATUSES } from "~/modules/tips/tips";
import { tipFilterSchema } from "~/modules/tips/tips.schema";
import { tipQueue } from "~/modules/tips/tips.server";
import { DataTable, Pager } from "~/components/admin/data-table";
import { DateTime } from "~/components/date-time";
import { FilterSelect } from "~/components/forms";
import { NeedsTranslationBadge, TipLanguage } from "~/components/admin/tip-language";

export const meta: MetaFunction = () => [
  { title: "Tips | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const filters = tipFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const queue = await tipQueue(filters, organizer.id);
  return { ...queue, filters };
}

export default function TipQueue() {
  const { tips, more, page, counts, organizers, filters } = useLoaderData<typeof loader>();
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const qs = (p: number) =>
    new URLSearchParams({
      ...Object.fromEntries(
        Object.entries(filters)
          .filter(([k, v]) => v !== undefined && k !== "page")
          .map(([k, v]) => [k, String(v)]),
      ),
      page: String(p),
    }).toString();
  return (
    <>
      <h1>Tips</h1>
      <p className="muted small">Private. Opening a tip is recorded in the audit log.</p>
      <ul className="tip-counts" aria-label="Tips by state">
        <li>
          <Link to="/admin/tips">
            All <strong>{total}</strong>
          </Link>
        </li>
        {TIP_STATUSES.map((s) => (
          <li key={s}>
            <Link to={`/admin/tips?status=${s}`} aria-current={filters.status === s ? "page" : undefined}>
              {TIP_STATUS_LABELS[s]} <strong>{counts[s] ?? 0}</strong>
            </Link>
          </li>
        ))}
      </ul>
      <Form method="get" className="toolbar filters" role="search" aria-label="Filter tips">
        <div>
          <label htmlFor="q">Search</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            placeholder="Reference or words"
          />
        </div>
        <div>
          <FilterSelect
            name="status"
            label="State"
            any="Any state"
            options={Object.fromEntries(TIP_STATUSES.map((s) => [s, TIP_STATUS_LABELS[s]]))}
            value={filters.status}
          />
        </div>
        <div>
          <label htmlFor="assigned">Assigned to</label>
          <select id="assigned" name="assigned" defaultValue={filters.assigned ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Nobody</option>
            {organizers.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="translation">Translation</label>
          <select id="translation" name="translation" defaultValue={filters.translation ?? ""}>
            <option value="">Any</option>
            <option value="needed">Needs translation</option>
          </select>
        </div>
        <div>
          <label htmlFor="case">Case (slug)</label>
          <input id="case" name="case" defaultValue={filters.case ?? ""} size={16} />
        </div>
        <button className="button button--small button--secondary" type="submit">
          Filter
        </button>
      </Form>
      <DataTable
        rows={tips}
        rowKey={(t) => t.id}
        columns={[
          { head: "Received", cell: (t) => <DateTime value={t.createdAt} /> },
          { head: "Reference", cell: (t) => <Link to={`/admin/tips/${t.id}`}>{t.reference}</Link> },
          {
            head: "State",
            cell: (t) => (
              <>
                <TipStatusBadge status={t.status} /> <NeedsTranslationBadge when={t.needsTranslation} />
                {t.forwardedTo ? <div className="small muted">{t.forwardedTo}</div> : null}
              </>
            ),
          },
          {
            head: "About",
            cell: (t) => t.caseName ?? (t.mediaTitle ? `Media: ${t.mediaTitle}` : "General"),
          },
          {
            head: "Excerpt",
            cell: (t) => <span lang={t.language === "en" ? "" : t.language}>{t.excerpt}</span>,
            className: "tip-excerpt",
          },
          { head: "Language", cell: (t) => <TipLanguage language={t.language} /> },
          { head: "Files", cell: (t) => t.attachmentCount, className: "num" },
          { head: "Assigned", cell: (t) => t.assigneeName ?? "—" },
        ]}
      />
      {tips.length === 0 ? <p>No tip matches.</p> : null}
      <Pager page={page} more={more} link={(p) => `?${qs(p)}`} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
