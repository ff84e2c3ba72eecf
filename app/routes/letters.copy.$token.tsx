import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { LETTER_COPY_DAYS, sendLetterCopy, viewLetterCopy } from "~/modules/letters/letter-copy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.pageTitle ?? "Your letters" },
  { name: "robots", content: "noindex" },
];

const PRIVATE = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/** GET never changes anything: mail scanners follow links. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const [view, t] = await Promise.all([viewLetterCopy(params.token ?? ""), fixedT(requestLocale(request))]);
  const pageTitle = `${t("letterCopyPage.title")} | ${t("site.name")}`;
  return data(
    { view, sent: false, pageTitle, days: LETTER_COPY_DAYS },
    { status: view.kind === "unknown" ? 404 : 200, headers: PRIVATE },
  );
}

/** POST: the address's owner asks for the copy. */
export async function action({ params }: ActionFunctionArgs) {
  const view = await sendLetterCopy(params.token ?? "");
  return data(
    { view, sent: view.sent === true },
    { status: view.kind === "unknown" ? 404 : 200, headers: PRIVATE },
  );
}

export default function LetterCopyPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { view, sent } = actionData ?? loaded;
  const { t } = useTranslation();
  const lp = useLocalePath();
  // The campaign's title is its English one (the email names it in the writer's language).
  const en = usePageLocale() === "en" ? undefined : "en";
  const title = view.kind === "unknown" ? "" : view.campaignTitle;
  return (
    <div className="wrap page">
      {view.kind === "unknown" ? (
        <>
          <h1>{t("letterCopyPage.unknown")}</h1>
          <p className="lead">{t("letterCopyPage.unknownLead")}</p>
        </>
      ) : view.kind === "expired" ? (
        <>
          <h1>{t("letterCopyPage.expired")}</h1>
          <p className="lead">{t("letterCopyPage.expiredLead", { count: loaded.days })}</p>
        </>
      ) : sent ? (
        <>
          <h1>{t("letterCopyPage.sent")}</h1>
          <p className="notice" role="status">
            <Trans
              i18nKey="letterCopyPage.sentLead"
              values={{ title }}
              components={{ t: <span lang={en} /> }}
            />
          </p>
        </>
      ) : (
        <>
          <h1>{t("letterCopyPage.ask")}</h1>
          <p className="lead">
            <Trans
              i18nKey="letterCopyPage.askLead"
              values={{ title }}
              components={{ t: <span lang={en} /> }}
            />
          </p>
          <Form method="post">
            <button className="button" type="submit">
              {t("letterCopyPage.button")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={lp("/")}>{t("letterCopyPage.campaigns")}</Link>
      </p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
