import { createElement } from "react";
import SignatureAlreadySigned from "~emails/signature-already-signed";
import SignatureConfirmation from "~emails/signature-confirmation";
import SignatureConfirmed from "~emails/signature-confirmed";
import { appUrl } from "~/env.server";
import { fixedT } from "~/i18n/i18n.server";
import { isLocale, type Locale, localizedPath } from "~/i18n/locales";
import { orgProps, renderEmail } from "~/modules/mail/mail.server";
import { campaignsInLocale } from "~/modules/translations/translations.server";
import { CONFIRMATION_DAYS } from "./petitions";

/*
 * The three signature emails in the language of the page the signature was given on
 * (signatures.language): the sentences from app/i18n ("signatureEmail"), the campaign's title in
 * that language where an organizer wrote one (else English, marked with its own lang), and links
 * under the language's prefix. None of them carries anything a requester typed except the
 * confirmed email's first name (that address has been proven).
 */

/** A campaign title and the language it is written in. */
export interface EmailTitle {
  text: string;
  lang: Locale;
}

/** The slots the templates fill (the title in its own language, a link element). */
const SLOTS = { title: "{{title}}", link: "{{link}}" };

/** A signature's stored language as a locale (English for anything unknown). */
export function signatureLocale(language: string): Locale {
  return isLocale(language) ? language : "en";
}

/** An absolute site address in a language: ("ko", "/confirm/x") -> APP_URL/ko/confirm/x. */
export function siteUrl(locale: Locale, path: string): string {
  return `${appUrl()}${localizedPath(locale, path)}`;
}

/** The campaign's title in a language, as campaign pages pick it (English when none is written). */
export async function campaignTitleIn(campaign: { id: number; title: string }, locale: Locale) {
  const [c] = await campaignsInLocale([{ id: campaign.id, title: campaign.title, summary: "" }], locale);
  return { text: c.title, lang: c.lang.title } satisfies EmailTitle;
}

export async function renderConfirmationEmail(
  locale: Locale,
  title: EmailTitle,
  urls: { confirmUrl: string; notMeUrl: string },
) {
  const t = await fixedT(locale);
  const subject = t("signatureEmail.confirmSubject", { title: title.text });
  const copy = {
    preview: subject,
    hello: t("signatureEmail.hello"),
    thanks: t("signatureEmail.confirmThanks", SLOTS),
    button: t("signatureEmail.confirmButton"),
    openLink: t("signatureEmail.openLink", { ...SLOTS, count: CONFIRMATION_DAYS }),
    notSigned: t("signatureEmail.notSigned", SLOTS),
    notMe: t("signatureEmail.notMe"),
  };
  const element = createElement(SignatureConfirmation, {
    ...orgProps(),
    lang: locale,
    copy,
    petitionTitle: title.text,
    titleLang: title.lang,
    ...urls,
  });
  return { subject, ...(await renderEmail(element)) };
}

export async function renderAlreadySignedEmail(
  locale: Locale,
  title: EmailTitle,
  urls: { petitionUrl: string; confirmUrl?: string },
) {
  const t = await fixedT(locale);
  const subject = t("signatureEmail.alreadySubject", { title: title.text });
  const copy = {
    preview: subject,
    hello: t("signatureEmail.hello"),
    again: t("signatureEmail.alreadyAgain", SLOTS),
    pending: t("signatureEmail.alreadyPending"),
    button: t("signatureEmail.confirmButton"),
    counted: t("signatureEmail.alreadyCounted"),
    share: t("signatureEmail.share", SLOTS),
  };
  const element = createElement(SignatureAlreadySigned, {
    ...orgProps(),
    lang: locale,
    copy,
    petitionTitle: title.text,
    titleLang: title.lang,
    ...urls,
  });
  return { subject, ...(await renderEmail(element)) };
}

export async function renderConfirmedEmail(
  locale: Locale,
  title: EmailTitle,
  signer: { firstName: string; receipt: string | null; petitionUrl: string; checkUrl: string },
) {
  const t = await fixedT(locale);
  const subject = t("signatureEmail.confirmedSubject", { title: title.text });
  const copy = {
    preview: subject,
    dear: t("signatureEmail.dear", { name: signer.firstName }),
    counted: t("signatureEmail.confirmedCounted", SLOTS),
    askOne: t("signatureEmail.askOne", SLOTS),
    receipt: signer.receipt ? t("signatureEmail.receipt", { receipt: signer.receipt }) : null,
    howToCheck: t("signatureEmail.howToCheck", SLOTS),
    // Chinese writes no space between sentences.
    gap: locale.startsWith("zh") ? "" : " ",
  };
  const element = createElement(SignatureConfirmed, {
    ...orgProps(),
    lang: locale,
    copy,
    petitionTitle: title.text,
    titleLang: title.lang,
    petitionUrl: signer.petitionUrl,
    checkUrl: signer.checkUrl,
  });
  return { subject, ...(await renderEmail(element)) };
}
