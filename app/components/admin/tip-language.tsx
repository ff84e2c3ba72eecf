import { Form } from "@remix-run/react";
import { isLocale, LOCALE_NAMES } from "~/i18n/locales";

/** A tip's language named in English for organizers, with the native name marked with its lang. */
export function TipLanguage({ language }: { language: string }) {
  if (!isLocale(language) || language === "en") return <>English</>;
  const english = new Intl.DisplayNames(["en"], { type: "language" }).of(language) ?? language;
  return (
    <>
      {english} (<span lang={language}>{LOCALE_NAMES[language]}</span>)
    </>
  );
}

/** The badge in the queue for a tip someone must translate (nothing is machine-translated). */
export function NeedsTranslationBadge({ when }: { when: boolean }) {
  return when ? <span className="badge tip-needs-translation">Needs translation</span> : null;
}

/**
 * Triage's translation state: the tip keeps its original text; an organizer marks it for a
 * human translator, and clears the mark once a translation is added as a note.
 */
export function TipTranslationForm({ needed, canEdit }: { needed: boolean; canEdit: boolean }) {
  return (
    <section aria-labelledby="translation-heading" className="stack">
      <h2 id="translation-heading">Translation</h2>
      <p>
        {needed
          ? "Marked as needing translation. Add the translation as a note, then clear the mark."
          : "Not marked for translation."}
      </p>
      {canEdit ? (
        <Form method="post">
          <input type="hidden" name="intent" value="translation" />
          <input type="hidden" name="needed" value={needed ? "no" : "yes"} />
          <button className="button button--small button--secondary" type="submit">
            {needed ? "Clear “needs translation”" : "Mark as needing translation"}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
