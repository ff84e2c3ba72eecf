import { createElement } from "react";
import SignatureAlreadySigned from "~emails/signature-already-signed";
import SignatureConfirmation from "~emails/signature-confirmation";
import SignatureConfirmed from "~emails/signature-confirmed";
import { fixedT } from "~/i18n/i18n.server";
import { isLocale, type Locale } from "~/i18n/locales";
import { orgProps, renderEmail } from "~/modules/mail/mail.server";
import type { campaignTitleIn } from "~/modules/translations/translations.server";
import { CONFIRMATION_DAYS } from "./petitions";

/*
 * The three signature emails in the language of the page the signature was given on
 * (signatures.language): the sentences from app/i18n ("signatureEmail"), the campaign's title in
 * that language where an organizer wrote one (else English, marked with its own lang), and links
 * under the language's prefix. None of them carries anything a requester typed except the
 * confirmed email's first name (that address has been proven).
 */

type EmailTitle = Awaited<ReturnType<typeof campaignTitleIn>>;

/** The slots the templates fill (the title in its own language, a link element). */
const SLOTS = { title: "{{title}}", link: "{{link}}" };

/** A signature's stored language as a locale (English for anything unknown). */
export function signatureLocale(language: string): Locale {
  return isLocale(language) ? language : "en";
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
