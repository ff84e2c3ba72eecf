import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/admin/data-table";
import { LOCALE_NAMES } from "~/i18n/locales";
import { requireOrganizer } from "~/modules/organizers/session.server";
import { TRANSLATION_LOCALES } from "~/modules/translations/translations";
import { missingTranslations } from "~/modules/translations/translations.server";

export const meta: MetaFunction = () => [{ title: "Translations | Organizers" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganizer(request);
  return { items: await missingTranslations() };
}

const KIND_LABELS = { case: "Case file", media: "Help-identify item", campaign: "Campaign" } as const;

/** Which published texts are still missing in which language; each links to its editor. */
export default function Translations() {
  const { items } = useLoaderData<typeof loader>();
  const missing = items.filter((i) => i.missing.length);
  return (
    <>
      <h1>Translations</h1>
      <p>
        Case files, help-identify items and campaigns are written in English; here organizers add their text
        in Korean, Russian and Chinese. A page shows the English, with a note, wherever a translation is
        missing. Nothing is machine-translated.
      </p>
      <p>
        {missing.length} of {items.length} published items are missing at least one language.
      </p>
      <DataTable
        rows={items}
        rowKey={(i) => `${i.kind}-${i.id}`}
        columns={[
          { head: "Kind", cell: (i) => KIND_LABELS[i.kind] },
          { head: "Item", cell: (i) => i.title },
          {
            head: "Languages",
            cell: (i) => (
              <ul className="inline-list">
                {TRANSLATION_LOCALES.map((l) => (
                  <li key={l}>
                    <Link to={`/admin/translations/${i.kind}/${i.id}/${l}`}>
                      <span lang={l}>{LOCALE_NAMES[l]}</span>
                      {i.missing.includes(l) ? " (missing)" : " (done)"}
                    </Link>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
