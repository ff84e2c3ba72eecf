import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [
  { title: "Erased | Bring them home" },
  { name: "robots", content: "noindex" },
];

export default function Erased() {
  return (
    <div className="wrap page prose">
      <h1>You are erased</h1>
      <p className="notice" role="status">
        We have removed your name, address, email and notes from every record, and told our email and payment
        providers to delete their copies. Your signatures and letters still count, without your name. We will
        not email you again.
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
