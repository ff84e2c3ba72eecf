import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import {
  confirmSignature,
  removePendingSignature,
  viewConfirmation,
} from "~/modules/petitions/petitions.server";
import { requireFormValues } from "~/lib/input.server";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Confirm your signature"} | ${data?.siteName ?? "Bring them home"}` },
  { name: "robots", content: "noindex" },
];

/** GET never changes anything: mail scanners follow links. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // In the address's language (/ko/confirm/:token): the emailed link carries the signer's.
  const locale = requestLocale(request);
  const [view, t] = await Promise.all([viewConfirmation(params.token ?? "", locale), fixedT(locale)]);
  return data(
    { view, title: t("confirm.title"), siteName: t("site.name") },
    {
      status: view.kind === "unknown" ? 404 : 200,
      headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" },
    },
  );
}

const intentSchema = z.object({ intent: z.enum(["confirm", "remove"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requestLocale(request);
  const parsed = intentSchema.safeParse(await requireFormValues(request));
  if (!parsed.success)
    return data({ done: null, view: await viewConfirmation(params.token ?? "", locale) }, { status: 400 });
  if (parsed.data.intent === "remove") {
    const { removed, view } = await removePendingSignature(params.token ?? "", locale);
    return { done: removed ? ("removed" as const) : null, view };
  }
  const view = await confirmSignature(params.token ?? "", locale);
  return { done: view.kind === "confirmed" ? ("confirmed" as const) : null, view };
}

export default function ConfirmPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const locale = usePageLocale();
  const lp = useLocalePath();
  const view = actionData?.view ?? loaded.view;
  // The campaign's title in the page's language where organizers wrote one, else English, marked.
  const titleLang = "titleLang" in view && view.titleLang !== locale ? view.titleLang : undefined;
  const title = (key: string, values: Record<string, string>) => (
    <Trans i18nKey={key} values={values} components={{ t: <span lang={titleLang} /> }} />
  );
  const back =
    "slug" in view ? (
      <p>
        <Link to={lp(`/campaigns/${view.slug}`)}>{title("confirm.back", { title: view.title })}</Link>
      </p>
    ) : null;
  if (actionData?.done === "removed") {
    return (
      <div className="wrap page">
        <h1>{t("confirm.removedHeading")}</h1>
        <p className="notice" role="status">
          {t("confirm.removed")}
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page">
      {view.kind === "unknown" ? (
        <>
          <h1>{t("confirm.unknownHeading")}</h1>
          <p className="lead">{t("confirm.unknown")}</p>
          <p>
            <Link to={lp("/")}>{t("confirm.live")}</Link>
          </p>
        </>
      ) : view.kind === "confirmed" ? (
        <>
          <h1>{t("confirm.confirmedHeading")}</h1>
          <p className="notice" role="status">
            {title("confirm.confirmed", { title: view.title })}
          </p>
          {view.receipt ? (
            <>
              <h2>{t("confirm.receiptHeading")}</h2>
              <p>{t("confirm.receipt")}</p>
              <p>
                <code className="receipt" id="receipt-code">
                  {view.receipt}
                </code>
              </p>
              <p className="small">
                <Link
                  to={`/transparency/petitions/${view.slug}`}
                  hrefLang={locale === "en" ? undefined : "en"}
                >
                  {t("confirm.howToCheck")}
                </Link>
              </p>
            </>
          ) : null}
          {back}
        </>
      ) : view.kind === "expired" || view.kind === "void" ? (
        <>
          <h1>{t("confirm.deadHeading")}</h1>
          <p className="lead">{view.kind === "expired" ? t("confirm.expired") : t("confirm.void")}</p>
          {back}
        </>
      ) : params.get("not-me") ? (
        <>
          <h1>{t("confirm.notMeHeading")}</h1>
          <p className="lead">{title("confirm.notMe", { title: view.title })}</p>
          <Form method="post" className="toolbar">
            <button className="button" type="submit" name="intent" value="remove">
              {t("confirm.remove")}
            </button>
            <button className="button button--secondary" type="submit" name="intent" value="confirm">
              {t("confirm.itWasMe")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <h1>{t("confirm.heading")}</h1>
          <p className="lead">{title("confirm.lead", { name: view.firstName, title: view.title })}</p>
          <Form method="post">
            <button className="button" type="submit" name="intent" value="confirm">
              {t("confirm.submit")}
            </button>
          </Form>
          <p className="small muted">
            <Link to="?not-me=1">{t("confirm.notSigned")}</Link>
          </p>
        </>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
