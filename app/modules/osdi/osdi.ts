/** What the OSDI API says about itself, and the pure rules of its answers (HAL, identifiers, pages). */
export const OSDI_SYSTEM = "bringthemhome";
export const OSDI_VERSION = "1.2";
export const MAX_PAGESIZE = 100;
export const DEFAULT_PAGESIZE = 25;
export const OSDI_BASE = "/api/osdi/v1";
export const HAL_JSON = "application/hal+json";

export const COLLECTIONS = [
  "people",
  "petitions",
  "signatures",
  "donations",
  "advocacy_campaigns",
  "outreaches",
] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** `"bringthemhome:12"`: how every resource names itself to other systems. */
export function identifier(id: number | string): string {
  return `${OSDI_SYSTEM}:${id}`;
}

export function isoDate(value: Date | string | null | undefined): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

export interface Page {
  page: number;
  perPage: number;
}

/** `page` from 1 and `per_page` from 1 to MAX_PAGESIZE; anything unreadable falls back to the default. */
export function readPage(params: URLSearchParams): Page {
  const int = (v: string | null) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null);
  const page = Math.max(1, int(params.get("page")) ?? 1);
  const perPage = Math.min(MAX_PAGESIZE, Math.max(1, int(params.get("per_page")) ?? DEFAULT_PAGESIZE));
  return { page, perPage };
}

type Link = { href: string };

/** A collection's answer: the page's numbers, its links (self, next, previous) and its resources embedded. */
export function collectionBody(
  url: URL,
  collection: string,
  page: Page,
  total: number,
  items: Array<{ _links: { self: Link } }>,
) {
  const totalPages = Math.ceil(total / page.perPage);
  const at = (n: number) => {
    const next = new URL(url);
    next.searchParams.delete("osdi-api-token");
    next.searchParams.set("page", String(n));
    next.searchParams.set("per_page", String(page.perPage));
    return { href: next.toString() };
  };
  const key = `osdi:${collection}`;
  return {
    total_pages: totalPages,
    per_page: page.perPage,
    page: page.page,
    total_records: total,
    _links: {
      self: at(page.page),
      ...(page.page < totalPages ? { next: at(page.page + 1) } : {}),
      ...(page.page > 1 ? { previous: at(Math.min(page.page - 1, Math.max(totalPages, 1))) } : {}),
      [key]: items.map((item) => item._links.self),
      curies: curies(url),
    },
    _embedded: { [key]: items },
  };
}

export function curies(url: URL) {
  return [{ name: "osdi", href: `${url.origin}${OSDI_BASE}/docs/{rel}`, templated: true }];
}

/** The OSDI error shape (osdi:error with response_code), with the house's error envelope beside it. */
export function osdiErrorBody(status: number, code: string, message: string) {
  return {
    "osdi:error": { request_type: "atomic", response_code: status, reason: code, description: message },
    error: { code, message },
  };
}
