import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TipForm } from "~/components/tip-form";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { HONEYPOT_FIELD, handleTipSubmission } from "~/modules/tips/tip-form.server";
import { tipSubject } from "~/modules/tips/tips.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title },
  { name: "description", content: data?.meta.description },
];

function refs(url: URL) {
  const clean = (v: string | null) => (v && /^[a-z0-9-]{1,80}$/.test(v) ? v : null);
  return { case: clean(url.searchParams.get("case")), media: clean(url.searchParams.get("media")) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const [subject, t] = await Promise.all([tipSubject(refs(new URL(request.url)), locale), fixedT(locale)]);
  return {
    meta: { title: `${t("tipForm.title")} | ${t("site.name")}`, description: t("tipForm.description") },
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
  const { t } = useTranslation();
  return (
    <div className="wrap page">
      <h1>{t("tipForm.heading")}</h1>
      <p className="lead">{t("tipForm.lead")}</p>
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
