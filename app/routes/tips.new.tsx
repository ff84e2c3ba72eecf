import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TipForm } from "~/components/tip-form";
import { HONEYPOT_FIELD, handleTipSubmission } from "~/modules/tips/tip-form.server";
import { tipSubject } from "~/modules/tips/tips.server";

export const meta: MetaFunction = () => [
  { title: "Send a tip | Bring them home" },
  {
    name: "description",
    content:
      "Tell us what you know about an American serviceman held after the Korean War or during the Cold War. Tips are private.",
  },
];

function refs(url: URL) {
  const clean = (v: string | null) => (v && /^[a-z0-9-]{1,80}$/.test(v) ? v : null);
  return { case: clean(url.searchParams.get("case")), media: clean(url.searchParams.get("media")) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const subject = await tipSubject(refs(new URL(request.url)));
  return {
    about: {
      case: subject.case ? { slug: subject.case.slug, fullName: subject.case.fullName } : null,
      media: subject.media ? { slug: subject.media.slug, title: subject.media.title } : null,
    },
    honeypot: HONEYPOT_FIELD,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleTipSubmission(request, context.clientIp);
}

export default function NewTip() {
  const { about, honeypot } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wrap page">
      <h1>Send a tip</h1>
      <p className="lead">
        Do you know something about an American serviceman who did not come home, or recognise a face in a
        wartime photo or film? Tell us. You do not need to give your name.
      </p>
      <TipForm
        values={result?.values ?? {}}
        fields={result?.fields ?? {}}
        message={result?.message ?? null}
        about={about}
        honeypot={honeypot}
      />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
