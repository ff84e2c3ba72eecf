import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { Progress } from "~/components/progress";
import { SignatureForm } from "~/components/petitions/signature-form";
import { translateFieldErrors } from "~/i18n/field-errors";
import { fixedT, requestLocale } from "~/i18n/i18n.server";
import { localizedPath } from "~/i18n/locales";
import { useLocalePath, usePageLocale } from "~/i18n/use-locale";
import { fieldErrors } from "~/lib/validation";
import { notFound } from "~/lib/http.server";
import { signatureSchema } from "~/modules/petitions/petitions.schema";
import { getPetitionPage, signPetition } from "~/modules/petitions/petitions.server";
import { invalid, requireFormValues } from "~/lib/input.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const [petition, t] = await Promise.all([
    getPetitionPage(params.slug ?? ""),
    fixedT(requestLocale(request)),
  ]);
  if (!petition) notFound("No petition has that address.");
  // The signing page shows the ask and the count, never the recent signers.
  const { slug, title, ask, signatureCount, goal, status } = petition;
  return {
    petition: { slug, title, ask, signatureCount, goal, status },
    pageTitle: `${t("sign.title", { title })} | ${t("site.name")}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? data.pageTitle : "Petition not found" },
];

/**
 * The signing form's action (the campaign page posts here too): the same schema and use-case as
 * the JSON API. On a translated page the messages are in its language, and the thanks is this
 * page in that language (the English one keeps answering on the campaign page).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  const locale = requestLocale(request);
  const t = await fixedT(locale);
  const { website, ...values } = await requireFormValues(request);
  const parsed = signatureSchema.safeParse({ ...values, website });
  if (!parsed.success)
    return invalid(translateFieldErrors(fieldErrors(parsed.error), locale, t, "signErrors"), {
      values,
      message: null,
    });
  const result = await signPetition(slug, parsed.data, {
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    locale,
  });
  if (result.kind === "not_found") notFound("No petition has that address.");
  if (result.kind === "closed")
    return data(
      { fields: {}, values, message: locale === "en" ? result.message : t("sign.closed") },
      { status: 409 },
    );
  if (locale === "en") throw redirect(`/campaigns/${slug}?signed=${result.status}#sign`);
  throw redirect(`${localizedPath(locale, `/campaigns/${slug}/sign`)}?signed=${result.status}`);
}

export default function SignPage() {
  const { petition } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const lp = useLocalePath();
  // The petition's own words are written in English only.
  const en = usePageLocale() === "en" ? undefined : "en";
  const signed = params.get("signed");
  return (
    <div className="wrap page">
      <p>
        <Link to={lp(`/campaigns/${petition.slug}`)}>
          ← <span lang={en}>{petition.title}</span>
        </Link>
      </p>
      <h1>
        <Trans
          i18nKey="sign.heading"
          values={{ title: petition.title }}
          components={{ t: <span lang={en} /> }}
        />
      </h1>
      <blockquote className="petition-ask" lang={en}>
        {petition.ask}
      </blockquote>
      <Progress value={petition.signatureCount} goal={petition.goal} label={t("sign.signatures")} />
      {signed === "confirmed" || signed === "pending" ? (
        <div className="notice" role="status">
          <strong>{t("sign.thanks")}</strong>{" "}
          {signed === "confirmed" ? t("sign.confirmed") : t("sign.pending")}{" "}
          <Link to={lp(`/campaigns/${petition.slug}`)}>{t("sign.back")}</Link>
        </div>
      ) : petition.status === "open" ? (
        <SignatureForm
          slug={petition.slug}
          source={params.get("source") ?? (actionData?.values?.source as string | undefined)}
          state={actionData ?? undefined}
          standalone
        />
      ) : (
        <p className="notice" role="status">
          {actionData?.message ?? t("sign.closed")}
        </p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
