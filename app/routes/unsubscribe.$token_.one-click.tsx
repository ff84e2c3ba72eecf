import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { applyUnsubscribe, parseUnsubscribeToken } from "~/modules/mail/unsubscribe.server";

/**
 * RFC 8058 one-click unsubscribe, named in the List-Unsubscribe header. Mail providers POST
 * `List-Unsubscribe=One-Click` with no cookies from their own origin: the route is exempt from
 * the origin check and authenticated by the signed token alone. It unsubscribes from the list
 * the mail came from; a repeat changes nothing. A GET (link scanners, prefetch) changes nothing.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!parseUnsubscribeToken(params.token ?? ""))
    throw new Response("This unsubscribe link is not valid.", { status: 400 });
  throw redirect(`/unsubscribe/${params.token}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const target = parseUnsubscribeToken(params.token ?? "");
  if (!target)
    return new Response("This unsubscribe link is not valid.", {
      status: 400,
      headers: { "Content-Type": "text/plain" },
    });
  if (request.method !== "POST")
    return new Response("Method not allowed.", { status: 405, headers: { Allow: "POST" } });
  await applyUnsubscribe(target, target.campaignId ? "campaign" : "all");
  return new Response("Unsubscribed.", { status: 200, headers: { "Content-Type": "text/plain" } });
}
