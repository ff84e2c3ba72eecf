import { appUrl } from "~/env.server";
import { db } from "~db/index.server";
import {
  CAMPAIGN_FILTERS,
  DONATION_FILTERS,
  findAdvocacyCampaign,
  findDonation,
  findOutreach,
  listAdvocacyCampaigns,
  listDonations,
  listOutreaches,
  OUTREACH_FILTERS,
} from "./actions.queries.server";
import { authenticateApiKey } from "./api-keys.server";
import { parseFilter } from "./filter";
import { type FilterColumns, fieldKinds } from "./filter-sql.server";
import {
  COLLECTIONS,
  type Collection,
  collectionBody,
  curies,
  HAL_JSON,
  MAX_PAGESIZE,
  OSDI_BASE,
  OSDI_SYSTEM,
  OSDI_VERSION,
  osdiErrorBody,
  readPage,
} from "./osdi";
import { findPerson, listPeople, PEOPLE_FILTERS } from "./people.queries.server";
import {
  findPetition,
  findSignature,
  listPetitions,
  listSignatures,
  PETITION_FILTERS,
  SIGNATURE_FILTERS,
} from "./petitions.queries.server";
import * as resources from "./resources.server";
import { recordSignature } from "./signature-helper.server";

/*
 * The OSDI v1.2 API under /api/osdi/v1/: the entry point, six collections (paged, filtered),
 * each resource at its own address, signatures and outreaches also under their petition or
 * campaign, and the record_signature_helper. Every answer needs a key.
 */
type Resource = { _links: { self: { href: string } } };
type Scope = { petitionId: number | null; campaignId: number | null };
interface CollectionDef {
  filters: FilterColumns;
  list(
    filter: Parameters<typeof listPeople>[1],
    page: ReturnType<typeof readPage>,
    scope: Scope,
    origin: string,
  ): Promise<{ items: Resource[]; total: number }>;
  find(id: string, origin: string): Promise<Resource | undefined>;
}

const numeric = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : null);
function finder<R>(
  find: (id: number) => Promise<R | undefined>,
  shape: (origin: string, row: R) => Resource,
) {
  return async (id: string, origin: string) => {
    const n = numeric(id);
    const row = n === null ? undefined : await find(n);
    return row ? shape(origin, row) : undefined;
  };
}
function lister<R>(
  list: (
    filter: Parameters<typeof listPeople>[1],
    page: ReturnType<typeof readPage>,
    scope: Scope,
  ) => Promise<{ rows: R[]; total: number }>,
  shape: (origin: string, row: R) => Resource,
): CollectionDef["list"] {
  return async (filter, page, scope, origin) => {
    const { rows, total } = await list(filter, page, scope);
    return { items: rows.map((r) => shape(origin, r)), total };
  };
}

const DEFS: Record<Collection, CollectionDef> = {
  people: {
    filters: PEOPLE_FILTERS,
    list: lister((f, p) => listPeople(db(), f, p), resources.personResource),
    find: finder((id) => findPerson(db(), id), resources.personResource),
  },
  petitions: {
    filters: PETITION_FILTERS,
    list: lister((f, p) => listPetitions(db(), f, p), resources.petitionResource),
    find: finder((id) => findPetition(db(), id), resources.petitionResource),
  },
  signatures: {
    filters: SIGNATURE_FILTERS,
    list: lister((f, p, s) => listSignatures(db(), f, p, s.petitionId), resources.signatureResource),
    find: finder((id) => findSignature(db(), id), resources.signatureResource),
  },
  donations: {
    filters: DONATION_FILTERS,
    list: lister((f, p) => listDonations(db(), f, p), resources.donationResource),
    find: finder((id) => findDonation(db(), id), resources.donationResource),
  },
  advocacy_campaigns: {
    filters: CAMPAIGN_FILTERS,
    list: lister((f, p) => listAdvocacyCampaigns(db(), f, p), resources.advocacyCampaignResource),
    find: finder((id) => findAdvocacyCampaign(db(), id), resources.advocacyCampaignResource),
  },
  outreaches: {
    filters: OUTREACH_FILTERS,
    list: lister((f, p, s) => listOutreaches(db(), f, p, s.campaignId), resources.outreachResource),
    find: async (id, origin) => {
      const m = /^(letter|call)-(\d{1,15})$/.exec(id);
      const row = m ? await findOutreach(db(), m[1] as "letter" | "call", Number(m[2])) : undefined;
      return row ? resources.outreachResource(origin, row) : undefined;
    },
  },
};

function hal(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": `${HAL_JSON}; charset=utf-8`, "Cache-Control": "no-store", ...headers },
  });
}
const fail = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  hal(osdiErrorBody(status, code, message), status, headers);

function entryPoint(origin: string) {
  const links = Object.fromEntries(
    COLLECTIONS.map((c) => [
      `osdi:${c}`,
      { href: `${origin}${OSDI_BASE}/${c}`, title: `The collection of ${c.replace("_", " ")}` },
    ]),
  );
  return {
    motd: "The Bring Them Home OSDI API. Send your key in the OSDI-API-Token header.",
    vendor_name: "Bring Them Home",
    product_name: "Bring Them Home campaign platform",
    osdi_version: OSDI_VERSION,
    namespace: OSDI_SYSTEM,
    max_pagesize: MAX_PAGESIZE,
    _links: { curies: curies(new URL(origin)), self: { href: `${origin}${OSDI_BASE}/` }, ...links },
  };
}

export async function answerOsdi(request: Request, path: string, context: { ip: string }): Promise<Response> {
  const key = await authenticateApiKey(request);
  if (!key.ok) return fail(401, "unauthorized", key.message);
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD" && key.scope !== "read-write")
    return fail(403, "forbidden", `This key is read-only: it may not use ${method}.`);
  const origin = appUrl();
  const url = new URL(request.url);
  const parts = path.split("/").filter(Boolean);
  const notFound = () => fail(404, "not_found", "No OSDI resource has that address.");

  if (
    parts.length === 4 &&
    parts[0] === "petitions" &&
    parts[2] === "signatures" &&
    parts[3] === "record_signature_helper"
  ) {
    if (method !== "POST") return fail(405, "method_not_allowed", "Use POST.", { Allow: "POST" });
    const petitionId = numeric(parts[1]);
    if (petitionId === null) return notFound();
    const result = await recordSignature(
      petitionId,
      request.headers.get("content-type") ?? undefined,
      await request.text(),
      {
        ip: context.ip,
        userAgent: request.headers.get("user-agent"),
      },
    );
    if (result.kind === "refused")
      return hal(
        {
          ...osdiErrorBody(result.status, result.code, result.message),
          ...(result.fields ? { fields: result.fields } : {}),
        },
        result.status,
      );
    return hal(resources.signatureResource(origin, result.signature), result.kind === "created" ? 201 : 200);
  }
  if (method !== "GET" && method !== "HEAD")
    return fail(405, "method_not_allowed", "Use GET.", { Allow: "GET" });
  if (parts.length === 0) return hal(entryPoint(origin));

  let collection = parts[0] as Collection;
  const scope: Scope = { petitionId: null, campaignId: null };
  if (parts.length === 3 && parts[0] === "petitions" && parts[2] === "signatures") {
    scope.petitionId = numeric(parts[1]);
    if (scope.petitionId === null || !(await findPetition(db(), scope.petitionId))) return notFound();
    collection = "signatures";
  } else if (parts.length === 3 && parts[0] === "advocacy_campaigns" && parts[2] === "outreaches") {
    scope.campaignId = numeric(parts[1]);
    if (scope.campaignId === null || !(await findAdvocacyCampaign(db(), scope.campaignId))) return notFound();
    collection = "outreaches";
  } else if (parts.length > 2 || !COLLECTIONS.includes(collection)) return notFound();

  const def = DEFS[collection];
  if (parts.length === 2) {
    const resource = await def.find(parts[1], origin);
    return resource ? hal(resource) : notFound();
  }
  const filter = parseFilter(url.searchParams.get("filter"), fieldKinds(def.filters));
  if (!filter.ok) return fail(400, "invalid_filter", filter.message);
  const page = readPage(url.searchParams);
  const { items, total } = await def.list(filter.filter, page, scope, origin);
  return hal(collectionBody(new URL(url.pathname + url.search, origin), collection, page, total, items));
}
