import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { idParam, notFound } from "~/lib/http.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { SIGNATURE_STATES, SIGNATURE_STATE_LABELS } from "~/modules/petitions/petitions";
import { seatLabel } from "~/modules/legislators/seats";
import { signatureFilterSchema } from "~/modules/petitions/petitions.schema";
import { getPetition, hideComment, signaturePage } from "~/modules/petitions/petitions-admin.server";
import { requireFormValues } from "~/lib/input.server";
import { DataTable } from "~/components/admin/data-table";
import { DateTime } from "~/components/date-time";
import { FilterSelect } from "~/components/forms";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request, "read-private-contact");
  const petition = await getPetition(idParam(params.id, "No petition has that number."));
  if (!petition) notFound("No petition has that number.");
  const url = new URL(request.url);
  const filter = signatureFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = await signaturePage(petition.id, filter);
  return { petition, filter, ...page, canEdit: can(organizer.role, "edit-content") };
}

const hideSchema = z.object({
  signatureId: z.coerce.number().int().positive(),
  hidden: z.enum(["true", "false"]),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const petitionId = idParam(params.id, "No petition has that number.");
  const parsed = hideSchema.safeParse(await requireFormValues(request));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  await hideComment(organizer.id, petitionId, parsed.data.signatureId, parsed.data.hidden === "true");
  const url = new URL(request.url);
  throw redirect(`${url.pathname}${url.search}`);
}

export default function AdminSignatures() {
  const { petition, filter, rows, next, canEdit } = useLoaderData<typeof loader>();
  const query = (extra: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, ...extra }))
      if (v !== undefined && v !== "") p.set(k, String(v));
    return `?${p}`;
  };
  return (
    <>
      <p>
        <Link to={`/admin/petitions/${petition.id}`}>← {petition.title}</Link>
      </p>
      <h1>Signatures</h1>
      <Form method="get" className="toolbar">
        <label htmlFor="q">Name or email</label>
        <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} />
        <FilterSelect
          name="state"
          label="State"
          any="Any"
          options={Object.fromEntries(SIGNATURE_STATES.map((s) => [s, SIGNATURE_STATE_LABELS[s]]))}
          value={filter.state}
        />
        <label htmlFor="domain">Domain</label>
        <input id="domain" name="domain" type="text" defaultValue={filter.domain ?? ""} size={14} />
        <label htmlFor="zip">ZIP</label>
        <input id="zip" name="zip" type="text" defaultValue={filter.zip ?? ""} size={6} />
        <button className="button button--small button--secondary" type="submit">
          Filter
        </button>
      </Form>
      <DataTable
        rows={rows}
        rowKey={(s) => s.id}
        columns={[
          { head: "#", cell: (s) => s.id },
          {
            head: "State",
            cell: (s) => (
              <>
                {s.state}
                {s.fraudReason ? <span className="small muted"> ({s.fraudReason})</span> : null}
              </>
            ),
          },
          {
            head: "Name",
            cell: (s) => (
              <>
                {s.firstName} {s.lastName}
                {s.showName ? " ★" : ""}
              </>
            ),
          },
          { head: "Email", cell: (s) => s.email },
          {
            head: "Place",
            cell: (s) => (
              <>
                {[
                  s.zip,
                  s.city,
                  s.usState &&
                    (s.district !== null
                      ? seatLabel(s.usState, s.district)
                      : s.districtCandidates.length > 1
                        ? `${s.usState} (${s.districtCandidates.join("/")})`
                        : s.usState),
                ]
                  .filter(Boolean)
                  .join(" ")}
              </>
            ),
          },
          {
            head: "Comment",
            cell: (s) => (
              <>
                {s.comment ? (
                  <span className={s.commentHidden ? "muted" : undefined}>
                    {s.comment}
                    {s.commentHidden ? " (hidden)" : ""}
                  </span>
                ) : null}
                {s.comment && canEdit ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="signatureId" value={s.id} />
                    <button
                      className="button--link button small"
                      type="submit"
                      name="hidden"
                      value={s.commentHidden ? "false" : "true"}
                    >
                      {s.commentHidden ? "Show" : "Hide"}
                    </button>
                  </Form>
                ) : null}
              </>
            ),
          },
          { head: "Source", cell: (s) => s.source ?? "" },
          {
            head: "IP hash",
            cell: (s) => (
              <>
                <code className="small">{s.ipHash?.slice(0, 8) ?? ""}</code>{" "}
                <span className="small muted">{s.userAgentClass}</span>
              </>
            ),
          },
          { head: "Signed", cell: (s) => <DateTime value={s.createdAt} /> },
        ]}
      />
      {rows.length === 0 ? <p>No signature matches.</p> : null}
      <p className="toolbar">
        {filter.after ? <Link to={query({ after: undefined })}>Newest</Link> : null}
        {next ? <Link to={query({ after: next })}>Older</Link> : null}
      </p>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
