import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MEDIA_KIND_LABELS } from "~/modules/media/media";
import { listAllMedia } from "~/modules/media/media.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { DateTime } from "~/components/date-time";

export const meta: MetaFunction = () => [{ title: "Help-identify media | Organizers" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  return { items: await listAllMedia(), canEdit: can(organizer.role, "edit-content") };
}

export default function AdminMedia() {
  const { items, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/admin/cases">← Case files</Link></p>
      <h1>Help-identify media</h1>
      <div className="toolbar">
        {canEdit ? <Link className="button" to="/admin/media/new">New item</Link> : null}
        <a href="/cases/help-identify">View the public page</a>
      </div>
      <table className="data">
        <thead><tr><th>Title</th><th>Kind</th><th>Image</th><th>Case</th><th>Published</th><th>Updated</th></tr></thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td><Link to={`/admin/media/${m.id}`}>{m.title}</Link></td>
              <td>{MEDIA_KIND_LABELS[m.kind]}</td>
              <td>{m.imageKey ? "Yes" : "Placeholder"}</td>
              <td>{m.caseName ?? "—"}</td>
              <td>{m.published ? "Yes" : "No"}</td>
              <td>{<DateTime value={m.updatedAt} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
