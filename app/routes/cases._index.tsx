import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CaseStatusBadge } from "~/components/badges";
import { initials, CASE_STATUS_LABELS, CONFLICT_LABELS } from "~/modules/cases/cases";
import { caseSearchSchema } from "~/modules/cases/cases.schema";
import { findCases } from "~/modules/cases/cases.server";
import { FilterSelect } from "~/components/forms";

export const meta: MetaFunction = () => [
  { title: "Case files: Americans never returned | Bring them home" },
  {
    name: "description",
    content:
      "What is known about American servicemen held back after the Korean War and during the Cold War.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = caseSearchSchema.safeParse(Object.fromEntries(url.searchParams));
  const search = parsed.success ? parsed.data : { q: "", conflict: undefined, status: undefined };
  const cases = await findCases(search);
  return { cases, search, error: parsed.success ? null : "Search words are at most 200 characters." };
}

export default function CasesIndex() {
  const { cases, search, error } = useLoaderData<typeof loader>();
  const filtered = Boolean(search.q || search.conflict || search.status);
  return (
    <div className="wrap page">
      <h1>Case files</h1>
      <p className="lead">
        The men we know by name: what the record shows, where it comes from, and what is still unknown. If you
        know something, send a tip.
      </p>
      <p className="panel help-identify-callout">
        <strong>Men without names.</strong> Wartime photographs and film show prisoners nobody has identified.{" "}
        <Link to="/cases/help-identify">Help identify them</Link>.
      </p>
      <Form method="get" role="search" className="stack" aria-label="Search the case files">
        <div className="search-form">
          <label htmlFor="q" className="visually-hidden">
            Search by name or words
          </label>
          <input
            id="q"
            type="search"
            name="q"
            defaultValue={search.q}
            placeholder="Search by name, e.g. Desautels"
            maxLength={200}
          />
          <button className="button" type="submit">
            Search
          </button>
        </div>
        <div className="search-form">
          <div>
            <FilterSelect
              name="conflict"
              label="Conflict"
              any="All conflicts"
              options={CONFLICT_LABELS}
              value={search.conflict}
            />
          </div>
          <div>
            <FilterSelect
              name="status"
              label="Status"
              any="Any status"
              options={CASE_STATUS_LABELS}
              value={search.status}
            />
          </div>
        </div>
      </Form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="muted">
        {cases.length} {cases.length === 1 ? "case file" : "case files"}
        {filtered ? (cases.length === 1 ? " matches" : " match") : ""}.
        {filtered ? (
          <>
            {" "}
            <Link to="/cases">Show all</Link>
          </>
        ) : null}
      </p>
      <ul className="cards">
        {cases.map((c) => (
          <li key={c.slug} className="card">
            <div className="portrait portrait--small" aria-hidden="true">
              {c.photoUrl ? <img src={c.photoUrl} alt="" /> : initials(c.fullName)}
            </div>
            <CaseStatusBadge status={c.status} />
            <h2 className="h3">
              <Link to={`/cases/${c.slug}`}>
                {c.rank ? `${c.rank} ` : ""}
                {c.fullName}
              </Link>
            </h2>
            <p className="muted small">
              {CONFLICT_LABELS[c.conflict]}
              {c.lossDate ? ` · ${c.lossDate}` : ""}
            </p>
            <p>{c.summary}</p>
          </li>
        ))}
      </ul>
      {cases.length === 0 ? (
        <p>
          No case file matches. Try fewer words, or <Link to="/tips/new">send us what you know</Link>.
        </p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
