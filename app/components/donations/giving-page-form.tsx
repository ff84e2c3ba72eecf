import { DonationForm } from "./donation-form";

interface GivingPage {
  limits: { presetsCents: number[]; minCents: number; maxCents: number };
  available: boolean;
  nonce: string;
  testMode: boolean;
  updatesWording: string;
}

/** A giving page's form, filled from the page's loader and the answer to the last post. */
export function GivingPageForm({
  page,
  answer,
  campaignTitle,
}: {
  page: GivingPage;
  answer?: { values?: Record<string, unknown>; fields?: Record<string, string>; message?: string | null };
  campaignTitle: string | null;
}) {
  return (
    <DonationForm
      {...page.limits}
      available={page.available}
      nonce={page.nonce}
      testMode={page.testMode}
      updatesWording={page.updatesWording}
      campaignTitle={campaignTitle}
      values={answer?.values}
      fields={answer?.fields}
      message={answer?.message}
    />
  );
}
