import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any address no route matches: the error boundary renders the useful 404 page.
export async function loader() {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
