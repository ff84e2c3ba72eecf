import type { MetaFunction } from "@remix-run/node";
import { resources } from "~/i18n/i18n";
import { splitLocalePath } from "~/i18n/locales";

/** The title in the address's language (/ko/... is a Korean 404; English outside a prefix). */
export const meta: MetaFunction = ({ location }) => {
  const text = resources[splitLocalePath(location.pathname).locale].translation;
  return [{ title: `${text.errorPage.notFoundTitle} | ${text.site.name}` }];
};

// Any address no route matches: the error boundary renders the useful 404 page.
export async function loader() {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
