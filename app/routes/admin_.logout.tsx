import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroySessionCookie } from "~/modules/organizers/session.server";

export async function action({ request }: ActionFunctionArgs) {
  throw redirect("/admin/login", { headers: { "Set-Cookie": await destroySessionCookie(request) } });
}

export async function loader() {
  throw redirect("/admin");
}
