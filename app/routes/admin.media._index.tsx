import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/admin/data-table";
import { MEDIA_KIND_LABELS } from "~/modules/media/media";
import { listAllMedia } from "~/modules/media/media.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { DateTime } from "~/components/date-time";
import { BackLink } from "~/components/notice";

export const meta: MetaFunction = () => [
  { title: "Help-identify media | Organizers" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  return { items: await listAllMedia(), canEdit: can(organizer.role, "edit-content") };
}

export default function AdminMedia() {
  const { items, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/admin/cases">Case files</BackLink>
      <h1>Help-identify media</h1>
      <div className="toolbar">
        {canEdit ? (
          <Link className="button" to="/admin/media/new">
            New item
          </Link>
        ) : null}
        <a href="/cases/help-identify">View the public page</a>
      </div>
      <DataTable
        rows={items}
        rowKey={(m) => m.id}
        columns={[
          { head: "Title", cell: (m) => <Link to={`/admin/media/${m.id}`}>{m.title}</Link> },
          { head: "Kind", cell: (m) => MEDIA_KIND_LABELS[m.kind] },
          { head: "Image", cell: (m) => (m.imageKey ? "Yes" : "Placeholder") },
          { head: "Case", cell: (m) => m.caseName ?? "—" },
          { head: "Published", cell: (m) => (m.published ? "Yes" : "No") },
          { head: "Updated", cell: (m) => <DateTime value={m.updatedAt} /> },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
