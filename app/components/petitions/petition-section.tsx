import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePageLocale } from "~/i18n/use-locale";
import { Progress } from "~/components/progress";
import { ago } from "~/modules/petitions/petitions";
import { seatLabel } from "~/modules/legislators/seats";
import type { PetitionPage } from "~/modules/petitions/petitions.server";
import { HourlyChart } from "./hourly-chart";
import { SignatureForm } from "./signature-form";

type Petition = Omit<PetitionPage, "deadline" | "updatedAt"> & {
  deadline: string | Date | null;
  updatedAt: string | Date;
};

/** Open Graph and Twitter card tags for a campaign page, with the signature count. */
export function petitionMeta(petition: Petition | null | undefined, image?: string | null) {
  if (!petition) return [];
  const description = `${petition.signatureCount.toLocaleString("en-US")} ${petition.signatureCount === 1 ? "person has" : "people have"} signed. Help reach ${petition.goal.toLocaleString("en-US")}.`;
  return [
    { property: "og:type", content: "website" },
    { property: "og:title", content: petition.title },
    { property: "og:description", content: description },
    { property: "og:url", content: petition.url },
    ...(image ? [{ property: "og:image", content: image }] : []),
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: petition.title },
    { name: "twitter:description", content: description },
  ];
}

/** The aside's call to action. */
export function PetitionActionLink({ petition }: { petition: Petition | null | undefined }) {
  const { t } = useTranslation();
  const locale = usePageLocale();
  if (!petition || petition.status !== "open") return null;
  return (
    <li>
      <a className="button" href="#sign" lang={locale}>
        {t("sign.submit")}
      </a>
    </li>
  );
}

function ShareLinks({ url, title }: { url: string; title: string }) {
  const link = (source: string) => `${url}?source=${source}`;
  const text = encodeURIComponent(`Sign: ${title}`);
  return (
    <ul className="petition-share">
      <li>
        <a
          href={`https://twitter.com/intent/tweet?text=${text}&url=${encodeURIComponent(link("twitter"))}`}
          rel="noopener noreferrer"
          target="_blank"
        >
          Share on X (Twitter)
        </a>
      </li>
      <li>
        <a
          href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(link("facebook"))}`}
          rel="noopener noreferrer"
          target="_blank"
        >
          Share on Facebook
        </a>
      </li>
      <li>
        <a href={`mailto:?subject=${text}&body=${encodeURIComponent(link("email"))}`}>Share by email</a>
      </li>
      <li>
        <span className="small muted">
          Link to share: <code>{link("share")}</code>
        </span>
      </li>
    </ul>
  );
}

/** The petition on its campaign page: progress, the form, the chart, states and recent signers. */
export function PetitionSection({ petition }: { petition: Petition | null | undefined }) {
  const [params] = useSearchParams();
  const { t } = useTranslation();
  if (!petition) return null;
  const signed = params.get("signed");
  const source = params.get("source");
  return (
    <section aria-labelledby="petition-heading" className="petition" id="petition">
      <h2 id="petition-heading">The petition</h2>
      <blockquote className="petition-ask">{petition.ask}</blockquote>
      <Progress value={petition.signatureCount} goal={petition.goal} label={t("sign.signatures")} />
      <p className="small muted" id="petition-updated">
        Counted {ago(petition.updatedAt, new Date(petition.now))}.
        {petition.pendingCount
          ? ` ${petition.pendingCount.toLocaleString("en-US")} more waiting for email confirmation.`
          : ""}
        {petition.withdrawnCount
          ? ` ${petition.withdrawnCount.toLocaleString("en-US")} ${petition.withdrawnCount === 1 ? "signer" : "signers"} withdrew their signature.`
          : ""}{" "}
        <Link to={`/transparency/petitions/${petition.slug}`}>Check the count</Link>
      </p>
      <div id="sign" className="petition-sign">
        {signed ? (
          <div className="notice" role="status">
            <strong>Thank you for signing.</strong>{" "}
            {signed === "confirmed"
              ? "Your signature is counted."
              : "Check your email and click the link to confirm: your signature counts once you do."}
          </div>
        ) : petition.status === "open" ? (
          <>
            <h3>Add your name</h3>
            <SignatureForm slug={petition.slug} source={source} />
          </>
        ) : (
          <p className="notice">This petition is closed and no longer takes signatures.</p>
        )}
      </div>
      <h3>Share</h3>
      <ShareLinks url={petition.url} title={petition.title} />
      <h3>Signatures over time</h3>
      <HourlyChart hourly={petition.hourly} now={petition.now} title="Confirmed signatures per hour" />
      {petition.byState.length ? (
        <>
          <h3>Where signers live</h3>
          <table className="data petition-states">
            <caption className="visually-hidden">Confirmed signatures by state</caption>
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Signatures
                </th>
              </tr>
            </thead>
            <tbody>
              {petition.byState.slice(0, 10).map((s) => (
                <tr key={s.state}>
                  <td>{s.state}</td>
                  <td className="num">{s.n.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {petition.byDistrict.length ? (
            <details>
              <summary>By congressional district</summary>
              <p className="small">
                {petition.byDistrict.map((d) => `${seatLabel(d.state, d.district)}: ${d.n}`).join(" · ")}
              </p>
            </details>
          ) : null}
        </>
      ) : null}
      {petition.recent.length ? (
        <>
          <h3>Recent signers</h3>
          <ul className="petition-recent">
            {petition.recent.map((r, i) => (
              <li key={i}>
                <strong>{r.name}</strong>
                {r.city || r.state ? (
                  <span className="muted">, {[r.city, r.state].filter(Boolean).join(", ")}</span>
                ) : null}
                {r.comment ? <q>{r.comment}</q> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="small">
        <Link to={`/campaigns/${petition.slug}/sign`}>Open the signing page on its own</Link>
      </p>
    </section>
  );
}
