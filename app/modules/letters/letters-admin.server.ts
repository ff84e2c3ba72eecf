import { db } from "~db/index.server";
import { insertAuditEntry } from "~/modules/audit/audit.queries.server";
import { getCampaignForEdit } from "~/modules/campaigns/campaigns.server";
import { plainTemplate } from "./letter-text";
import { lettersByDistrict, ruleTargetOffices } from "./packet-targets.server";
import {
  composeLetter,
  mailingAddress,
  officialRecipient,
  recipientDisplayName,
  type Recipient,
  type Sender,
} from "./letters";
import type { TemplateForm } from "./letters.schema";
import { listTargetsWithOfficials } from "~/modules/campaigns/campaigns.queries.server";
import {
  countLettersByOffice,
  countLettersByState,
  listTemplates,
  upsertTemplate,
} from "./letters.queries.server";

/** A target as the template editor shows it: "senate", "house" or "official:<key>". */
export interface EditorTarget {
  target: string;
  label: string;
  kind: "senate" | "house" | "official";
  officialId: number | null;
  sample: Recipient;
  template: { subject: string; bodyMd: string; updatedAt: Date } | null;
}

const SAMPLE_SENDER: Sender = {
  firstName: "Jane",
  lastName: "Doe",
  street: "12 Main Street",
  city: "Burlington",
  state: "VT",
  zip: "05401",
};
const SAMPLES: Record<"senate" | "house", Recipient> = {
  senate: {
    kind: "senate",
    bioguide: "S000033",
    title: "Senator",
    fullName: "Bernard Sanders",
    lastName: "Sanders",
    state: "VT",
    district: null,
    address: "332 Dirksen Senate Office Building Washington DC 20510",
    office: null,
    phone: null,
    contactForm: null,
    url: null,
  },
  house: {
    kind: "house",
    bioguide: "B001318",
    title: "Representative",
    fullName: "Becca Balint",
    lastName: "Balint",
    state: "VT",
    district: 0,
    address: "1408 Longworth House Office Building Washington DC 20515-4500",
    office: null,
    phone: null,
    contactForm: null,
    url: null,
  },
};

export async function getTemplateEditor(campaignId: number) {
  const campaign = await getCampaignForEdit(campaignId);
  if (!campaign) return null;
  const [targets, templates] = await Promise.all([
    listTargetsWithOfficials(db(), campaignId),
    listTemplates(db(), campaignId),
  ]);
  const editorTargets: EditorTarget[] = targets.map((t) => {
    const stored = templates.find(
      (x) => x.targetKind === t.kind && (x.officialId ?? null) === (t.officialId ?? null),
    );
    const sample: Recipient =
      t.kind === "official" ? officialRecipient(t.officialId ?? 0, t, "") : SAMPLES[t.kind];
    return {
      target: t.kind === "official" ? `official:${t.key}` : t.kind,
      label:
        t.kind === "senate"
          ? "Senators"
          : t.kind === "house"
            ? "House member, delegate or resident commissioner"
            : `${t.name} (${t.organization})`,
      kind: t.kind,
      officialId: t.officialId,
      sample,
      template: stored
        ? { subject: stored.subject, bodyMd: stored.bodyMd, updatedAt: stored.updatedAt }
        : null,
    };
  });
  return {
    campaign: { id: campaign.id, slug: campaign.slug, title: campaign.title, status: campaign.status },
    targets: editorTargets,
  };
}

/** The letter a sample supporter would send to a sample recipient of this target. */
export function previewTemplate(target: EditorTarget, form: { subject: string; bodyMd: string }) {
  const letter = composeLetter(plainTemplate(form), SAMPLE_SENDER, target.sample, "");
  return {
    to: recipientDisplayName(target.sample),
    address: mailingAddress(target.sample),
    subject: letter.subject,
    body: letter.body,
  };
}

export type SaveTemplateResult = { ok: true } | { ok: false; fields: Record<string, string> };

export async function saveTemplate(
  actorId: number,
  campaignId: number,
  targets: EditorTarget[],
  form: TemplateForm,
): Promise<SaveTemplateResult> {
  const target = targets.find((t) => t.target === form.target);
  if (!target)
    return {
      ok: false,
      fields: { target: "This campaign does not write to that target; add it to the campaign first." },
    };
  await db()
    .transaction()
    .execute(async (trx) => {
      const id = await upsertTemplate(trx, {
        campaignId,
        targetKind: target.kind,
        officialId: target.officialId,
        subject: form.subject,
        bodyMd: form.bodyMd,
        updatedBy: actorId,
      });
      await insertAuditEntry(trx, {
        organizerId: actorId,
        action: "letter_template.save",
        subjectType: "letter_template",
        subjectId: id,
        details: { campaignId, target: form.target },
      });
    });
  return { ok: true };
}

/**
 * A campaign's letters per office, per state and per district (as written), and the offices its
 * rules target today (committee members, named seats, delegations), each with a packet of every
 * writer's letter.
 */
export async function letterStats(campaignId: number) {
  const [offices, states, districts, rules] = await Promise.all([
    countLettersByOffice(db(), campaignId),
    countLettersByState(db(), campaignId),
    lettersByDistrict(campaignId),
    ruleTargetOffices(campaignId),
  ]);
  const targets = rules.map((r) => ({ office: r.office, label: r.label, reason: r.reason }));
  const writers = districts.reduce((n, d) => n + d.count, 0);
  return {
    offices,
    states,
    districts,
    targets,
    writers,
    total: offices.reduce((n, o) => n + Number(o.count), 0),
  };
}
