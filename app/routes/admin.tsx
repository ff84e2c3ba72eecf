import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";

export const meta: MetaFunction = () => [
  { title: "Organizers | Bring them home" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  return {
    organizer: {
      name: organizer.name,
      role: organizer.role,
      isOwner: can(organizer.role, "manage-organizers"),
      seesSupporters: can(organizer.role, "read-private-contact"),
    },
  };
}

export default function AdminLayout() {
  const { organizer } = useLoaderData<typeof loader>();
  return (
    <div className="admin">
      <nav className="admin__nav" aria-label="Organizer">
        <ul>
          <li>
            <NavLink to="/admin" end>
              Dashboard
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/campaigns">Campaigns</NavLink>
          </li>
          <li>
            <NavLink to="/admin/cases">Case files</NavLink>
          </li>
          <li>
            <NavLink to="/admin/tips">Tips</NavLink>
          </li>
          <li>
            <NavLink to="/admin/translations">Translations</NavLink>
            <NavLink to="/admin/replies">Replies</NavLink>
          </li>
          <li>
            <NavLink to="/admin/petitions">Petitions</NavLink>
          </li>
          <li>
            <NavLink to="/admin/letters">Letters</NavLink>
          </li>
          {organizer.seesSupporters ? (
            <li>
              <NavLink to="/admin/supporters">Supporters</NavLink>
            </li>
          ) : null}
          {organizer.isOwner ? (
            <li>
              <NavLink to="/admin/organizers">Organizers</NavLink>
            </li>
          ) : null}
          {organizer.isOwner ? (
            <li>
              <NavLink to="/admin/audit">Audit log</NavLink>
            </li>
          ) : null}
          {organizer.isOwner ? (
            <li>
              <NavLink to="/admin/api-keys">API keys</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/admin/donations">Donations</NavLink>
          </li>
          <li>
            <NavLink to="/admin/updates">Updates</NavLink>
          </li>
          {organizer.isOwner ? (
            <li>
              <NavLink to="/admin/outbox">Outbox</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/admin/account">My account</NavLink>
          </li>
        </ul>
        <p className="small muted">
          Signed in as {organizer.name} ({organizer.role})
        </p>
        <Form method="post" action="/admin/logout">
          <button className="button button--secondary button--small" type="submit">
            Sign out
          </button>
        </Form>
      </nav>
      <div className="admin__main">
        <Outlet />
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
