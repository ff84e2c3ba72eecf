import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, TextArea, TextField } from "~/components/forms";
import { BackLink, Notice } from "~/components/notice";
import { LOCALE_NAMES } from "~/i18n/locales";
import { idParam, notFound } from "~/lib/http.server";
import { invalid, requireFormValues } from "~/lib/input.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";
import {
  TRANSLATION_KINDS,
  openTranslation,
  saveTranslation,
} from "~/modules/translations/translation-editor.server";
import { isTranslationLocale, TRANSLATION_LOCALES } from "~/modules/translations/translations";
import type { TranslationKind } from "~/modules/translations/translations.server";

export const meta: MetaFunction = () => [{ title: "Translate | Organizers" }];

function target(params: Record<string, string | undefined>) {
  const kind = params.kind as TranslationKind;
  if (!TRANSLATION_KINDS.includes(kind) || !isTranslationLocale(params.locale))
    notFound("No such translation.");
  return { kind, id: idParam(params.id, "No such item."), locale: params.locale };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const { kind, id, locale } = target(params);
  const opened = await openTranslation(kind, id, locale);
  if (!opened) notFound("No such item.");
  return { ...opened, kind, id, locale, canEdit: can(organizer.role, "edit-content") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organizer = await requireOrganizer(request, "edit-content");
  const { kind, id, locale } = target(params);
  if (!(await openTranslation(kind, id, locale))) notFound("No such item.");
  const form = await requireFormValues(request);
  const result = await saveTranslation(organizer.id, kind, id, locale, form);
  if (!result.ok) {
    const values = Object.fromEntries(
      Object.entries(form).map(([k, v]) => [k, typeof v === "string" ? v : ""]),
    );
    return invalid(result.fields, { values });
  }
  throw redirect(`/admin/translations/${kind}/${id}/${locale}?saved=1`);
}

/** One item's text in one language, each field beside its English original. */
export default function Translate() {
  const { title, publicPath, fields, kind, id, locale, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = result?.fields ?? {};
  return (
    <>
      <BackLink to="/admin/translations">Translations</BackLink>
      <h1>
        {title}: <span lang={locale}>{LOCALE_NAMES[locale]}</span>
      </h1>
      <ul className="inline-list" aria-label="Other languages">
        {TRANSLATION_LOCALES.filter((l) => l !== locale).map((l) => (
          <li key={l}>
            <Link to={`/admin/translations/${kind}/${id}/${l}`} lang={l}>
              {LOCALE_NAMES[l]}
            </Link>
          </li>
        ))}
        <li>
          <a href={`/${locale}${publicPath}`}>View the public page</a>
        </li>
      </ul>
      <Notice when={params.get("saved")}>Saved.</Notice>
      {!canEdit ? <p className="warning">Your role can read translations but not change them.</p> : null}
      <Form method="post" className="stack">
        <FormError message={Object.keys(errors).length ? "Please correct what is marked below." : null} />
        <fieldset className="stack" disabled={!canEdit}>
          <legend>Leave a field empty to show the English there</legend>
          {fields.map((f) => {
            const props = {
              name: f.name,
              label: f.label,
              error: errors[f.name],
              defaultValue: result?.values?.[f.name] ?? f.value,
              hint: (
                <>
                  {f.hint ? `${f.hint} ` : ""}English: <span lang="en">{f.original || "(empty)"}</span>
                </>
              ),
            };
            return f.multiline ? (
              <TextArea key={f.name} {...props} rows={f.name === "bodyMd" ? 10 : 4} lang={locale} />
            ) : (
              <TextField key={f.name} {...props} lang={f.name === "nameVariants" ? undefined : locale} />
            );
          })}
          <div>
            <button className="button" type="submit">
              Save the translation
            </button>
          </div>
        </fieldset>
      </Form>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
