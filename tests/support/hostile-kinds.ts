/**
 * The hostile-input catalogue (issue 10): kinds of bad input, each a generator of raw HTTP
 * requests for one target (a route of the Remix manifest or an Express fast route). The runner
 * (tests/e2e/hostile-input.test.ts) sends them to the built server.
 */
export type Target = {
  template: string; // "/campaigns/:slug/sign"
  params: string[];
  post: boolean; // has an action / accepts POST
  area: "api" | "webhook" | "page";
  source: "remix" | "express";
};

export type RawRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};
export type Kind = {
  name: string;
  group: "path" | "query" | "header" | "method" | "form" | "json" | "multipart" | "token" | "webhook";
  make: (t: Target) => RawRequest[];
};

/** A param value that lets the request reach the route's own code. */
const GOOD: Record<string, string> = {
  slug: "dpaa-director",
  id: "1",
  campaignId: "1",
  fileId: "1",
  token: "1.1.AAAAAAAAAAAAAAAAAAAAAA",
  bioguide: "S000033",
  "*": "x",
};

export function fill(t: Target, hostile?: { param: string; value: string }): string {
  return t.template.replace(/:([A-Za-z]+)|\*/g, (m, name: string | undefined) => {
    const key = name ?? "*";
    if (hostile && hostile.param === key) return hostile.value;
    return key === "slug" && t.template.startsWith("/cases") ? "sam-logan" : (GOOD[key] ?? "1");
  });
}

/** Field names the app's forms and JSON endpoints use; each kind fills all of them. */
const FIELDS = [
  "firstName",
  "lastName",
  "name",
  "email",
  "zip",
  "comment",
  "showName",
  "optIn",
  "password",
  "current",
  "next",
  "amount",
  "interval",
  "fund",
  "street",
  "city",
  "message",
  "body",
  "subject",
  "title",
  "summary",
  "target",
  "intent",
  "scope",
  "caseSlug",
  "contact",
  "redirectTo",
  "role",
  "website",
];

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** Percent-encodes a value; a lone surrogate becomes its (invalid) UTF-8 bytes %ED%A0%80. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.split("\ud800").map(encodeURIComponent).join("%ED%A0%80");
  }
}
function formOf(value: string, fields = FIELDS): string {
  return fields.map((f) => `${encode(f)}=${encode(value)}`).join("&");
}
function jsonOf(value: unknown): string {
  return JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, value])));
}
const post = (
  t: Target,
  body: string | Buffer,
  type?: string,
  extra: Record<string, string> = {},
): RawRequest => ({
  method: "POST",
  path: fill(t),
  headers: { ...(type ? { "Content-Type": type } : {}), ...extra },
  body,
});

/** Hostile values put in every path parameter (and as a path of their own for static routes). */
const PATH_VALUES: Array<[string, string]> = [
  ["percent-encoded NUL", "%00"],
  ["NUL inside a value", "dpaa%00director"],
  ["invalid UTF-8 %FF%FE", "%FF%FE"],
  ["overlong UTF-8 dot %c0%ae", "%c0%ae%c0%ae"],
  ["truncated UTF-8", "%E2%82"],
  ["lone percent", "%"],
  ["bad percent escape", "%zz"],
  ["encoded path traversal", "..%2F..%2Fetc%2Fpasswd"],
  ["overlong traversal", "%c0%ae%c0%ae%c0%afetc%c0%afpasswd"],
  ["backslash traversal", "..%5C..%5Cwindows"],
  ["overlong parameter", "a".repeat(6000)],
  ["SQL injection", "%27%20OR%201%3D1--"],
  ["HTML injection", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
  ["CRLF header injection", "x%0D%0ASet-Cookie:%20a=b"],
  ["negative number", "-1"],
  ["number past 2^53", "99999999999999999999999"],
  ["fraction and exponent", "1e309"],
  ["hex number", "0x10"],
  ["raw latin-1 byte (invalid UTF-8)", "\u00ff\u00fe"],
  ["encoded slash", "a%2Fb"],
  ["zero-width and RTL marks", "%E2%80%8B%E2%80%AE"],
];

const FORGED_TOKENS: Array<[string, string]> = [
  ["forged token (random)", "ZmFrZS10b2tlbi1mb3ItdGVzdHM"],
  ["expired-looking token", "1.1000000000.AAAAAAAAAAAAAAAAAAAAAA"],
  ["token with a tampered signature", "1.9999999999.-_-_-_-_-_-_-_-_-_-_-_"],
  ["token of dots", "..."],
];

const pathKinds: Kind[] = PATH_VALUES.map(([name, value]) => ({
  name: `path: ${name}`,
  group: "path",
  make: (t) =>
    t.params.length
      ? t.params.map((param) => ({ method: "GET", path: fill(t, { param, value }) }))
      : [{ method: "GET", path: `${fill(t)}/${value}` }],
}));

const tokenKinds: Kind[] = FORGED_TOKENS.map(([name, value]) => ({
  name: `token: ${name}`,
  group: "token",
  make: (t) =>
    t.params.includes("token")
      ? [
          { method: "GET", path: fill(t, { param: "token", value }) },
          ...(t.post
            ? [{ ...post(t, "intent=confirm&scope=all", FORM), path: fill(t, { param: "token", value }) }]
            : []),
        ]
      : [],
}));

const QUERIES: Array<[string, string]> = [
  ["_data of another route", "_data=routes%2Froot"],
  ["_data with NUL", "_data=%00"],
  ["NUL in a query value", "zip=%00&q=%00&page=%00"],
  ["invalid UTF-8 in the query", "q=%FF%FE&zip=%c0%ae"],
  ["array-shaped query", "zip[]=05401&zip[]=1&page[a]=1"],
  ["repeated query keys", "zip=05401&zip=10001&page=1&page=2"],
  ["negative and huge page", "page=-1&limit=99999999999"],
  ["open redirect target", "redirectTo=%2F%09%2Fevil.example"],
  ["protocol-relative redirect", "redirectTo=%2F%2Fevil.example"],
  ["HTML in the query", "q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"],
];

const queryKinds: Kind[] = QUERIES.map(([name, query]) => ({
  name: `query: ${name}`,
  group: "query",
  make: (t) => [{ method: "GET", path: `${fill(t)}?${query}` }],
}));

const HEADERS: Array<[string, Record<string, string>, boolean]> = [
  ["negative port in Host", { Host: "127.0.0.1:-1" }, false],
  ["port past 65535 in Host", { Host: "127.0.0.1:99999" }, false],
  ["letters as the Host port", { Host: "127.0.0.1:abc" }, false],
  ["unclosed IPv6 Host", { Host: "[::1" }, false],
  ["empty Host", { Host: "" }, false],
  ["bad port in X-Forwarded-Host", { "X-Forwarded-Host": "evil.example:-5" }, false],
  ["list in X-Forwarded-Host", { "X-Forwarded-Host": "a.example, b.example:x" }, false],
  [
    "X-Forwarded-Host disagreeing with Origin",
    { "X-Forwarded-Host": "evil.example", Origin: "http://evil.example" },
    true,
  ],
  ["Origin null", { Origin: "null" }, true],
  ["unknown X-Forwarded-Proto", { "X-Forwarded-Proto": "gopher" }, false],
];

const headerKinds: Kind[] = HEADERS.map(([name, headers, posts]) => ({
  name: `header: ${name}`,
  group: "header",
  make: (t) => [
    { method: "GET", path: fill(t), headers },
    ...(posts && t.post ? [post(t, formOf("x"), FORM, headers)] : []),
  ],
}));

const methodKinds: Kind[] = ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "PURGE", "HEAD"].map(
  (method) => ({
    name: `method: ${method}`,
    group: "method",
    make: (t) => [
      {
        method,
        path: fill(t),
        headers: method === "HEAD" ? undefined : { "Content-Type": FORM },
        body: method === "HEAD" ? undefined : "a=1",
      },
    ],
  }),
);

const FORM_VALUES: Array<[string, string]> = [
  ["NUL in every field", "a\u0000b"],
  ["only a NUL", "\u0000"],
  ["lone surrogate", "\ud800"],
  ["overlong strings", "x".repeat(100_000)],
  ["SQL injection strings", "'; DROP TABLE supporters; --"],
  ["HTML injection strings", "<script>alert(1)</script>"],
  ["spreadsheet formulas", '=HYPERLINK("http://evil.example","x")'],
  ["formula starting with @", "@SUM(1+1)*cmd|' /C calc'!A0"],
  ["CRLF in names and emails", "a@example.org\r\nBcc: victim@example.org"],
  ["path traversal values", "../../../../etc/passwd"],
  ["URL traversal values", "http://127.0.0.1:1/%2e%2e/%2e%2e/admin"],
  ["empty strings", ""],
  ["whitespace only", "   \t  "],
  ["unicode confusables", "аdmin@ехample.org"],
];

const formKinds: Kind[] = [
  ...FORM_VALUES.map(
    ([name, value]): Kind => ({
      name: `form: ${name}`,
      group: "form",
      make: (t) => (t.post ? [post(t, formOf(value), FORM)] : []),
    }),
  ),
  { name: "form: missing every field", group: "form", make: (t) => (t.post ? [post(t, "", FORM)] : []) },
  {
    name: "form: extra fields only",
    group: "form",
    make: (t) => (t.post ? [post(t, "isAdmin=true&__proto__[x]=1&constructor=1", FORM)] : []),
  },
  {
    name: "form: repeated fields",
    group: "form",
    make: (t) => (t.post ? [post(t, FIELDS.map((f) => `${f}=a&${f}=b`).join("&"), FORM)] : []),
  },
  {
    name: "form: malformed percent-encoding",
    group: "form",
    make: (t) => (t.post ? [post(t, "email=%zz&firstName=%E2%82&zip=%FF", FORM)] : []),
  },
  {
    name: "form: invalid UTF-8 bytes",
    group: "form",
    make: (t) =>
      t.post
        ? [
            post(
              t,
              Buffer.concat([
                Buffer.from("email="),
                Buffer.from([0xff, 0xfe, 0xc0, 0xae]),
                Buffer.from("&zip=0"),
              ]),
              FORM,
            ),
          ]
        : [],
  },
  { name: "form: no content type", group: "form", make: (t) => (t.post ? [post(t, formOf("x"))] : []) },
  {
    name: "form: text/plain body",
    group: "form",
    make: (t) => (t.post ? [post(t, "hello", "text/plain")] : []),
  },
  {
    name: "form: a JSON body sent to the form",
    group: "form",
    make: (t) => (t.post && t.area === "page" ? [post(t, jsonOf("x"), JSON_TYPE)] : []),
  },
  {
    name: "form: XML body",
    group: "form",
    make: (t) =>
      t.post
        ? [
            post(
              t,
              "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
              "application/xml",
            ),
          ]
        : [],
  },
  {
    name: "form: wrong types (numbers where text goes)",
    group: "form",
    make: (t) => (t.post ? [post(t, formOf("12345678901234567890"), FORM)] : []),
  },
];

const JSON_BODIES: Array<[string, string]> = [
  ["invalid JSON", "{not json"],
  ["truncated JSON", '{"firstName":"A","email":"a@exa'],
  ["JSON array", "[1,2,3]"],
  ["JSON null", "null"],
  ["JSON number", "42"],
  ["JSON string", '"hello"'],
  ["deeply nested JSON", "[".repeat(20_000) + "]".repeat(20_000)],
  ["deeply nested object", '{"a":'.repeat(5_000) + "1" + "}".repeat(5_000)],
  ["huge JSON array", JSON.stringify(Array.from({ length: 50_000 }, () => 1))],
  ["wrong types", jsonOf(12)],
  ["objects where strings go", jsonOf({ $gt: "" })],
  ["NUL in JSON strings", jsonOf("a\u0000b")],
  ["escaped lone surrogate", '{"firstName":"\\ud800","email":"\\udfff@example.org"}'],
  ["__proto__ pollution", '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}'],
  ["byte order mark", "\ufeff" + jsonOf("x")],
  ["missing fields", "{}"],
  ["extra fields", jsonOf("x").replace(/^\{/, '{"isAdmin":true,"status":"confirmed",')],
  ["overlong JSON strings", jsonOf("y".repeat(20_000))],
];

const jsonKinds: Kind[] = [
  ...JSON_BODIES.map(
    ([name, body]): Kind => ({
      name: `json: ${name}`,
      group: "json",
      make: (t) => (t.post && t.area !== "page" ? [post(t, body, JSON_TYPE)] : []),
    }),
  ),
  {
    name: "json: form body to a JSON endpoint",
    group: "json",
    make: (t) => (t.post && t.area === "api" ? [post(t, formOf("x"), FORM)] : []),
  },
  {
    name: "json: JSON with a latin-1 charset",
    group: "json",
    make: (t) =>
      t.post && t.area !== "page" ? [post(t, jsonOf("é"), "application/json; charset=latin1")] : [],
  },
];

const B = "----hostile";
const multipartKinds: Kind[] = [
  {
    name: "multipart: no boundary",
    group: "multipart",
    make: (t) => (t.post ? [post(t, "--x\r\n\r\n", "multipart/form-data")] : []),
  },
  {
    name: "multipart: truncated body",
    group: "multipart",
    make: (t) =>
      t.post
        ? [
            post(
              t,
              `--${B}\r\nContent-Disposition: form-data; name="email"\r\n\r\nab`,
              `multipart/form-data; boundary=${B}`,
            ),
          ]
        : [],
  },
  {
    name: "multipart: wrong boundary",
    group: "multipart",
    make: (t) =>
      t.post
        ? [
            post(
              t,
              `--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--other--\r\n`,
              `multipart/form-data; boundary=${B}`,
            ),
          ]
        : [],
  },
  {
    name: "multipart: garbage",
    group: "multipart",
    make: (t) => (t.post ? [post(t, "\u0000\u0001\u0002garbage", `multipart/form-data; boundary=${B}`)] : []),
  },
  {
    name: "multipart: path traversal in a file name",
    group: "multipart",
    make: (t) =>
      t.post
        ? [
            post(
              t,
              `--${B}\r\nContent-Disposition: form-data; name="files"; filename="../../../etc/passwd\u0000.jpg"\r\nContent-Type: image/jpeg\r\n\r\nnot an image\r\n--${B}\r\nContent-Disposition: form-data; name="email"\r\n\r\na\u0000\r\n--${B}--\r\n`,
              `multipart/form-data; boundary=${B}`,
            ),
          ]
        : [],
  },
  {
    name: "multipart: oversized",
    group: "multipart",
    make: (t) =>
      t.post && !t.template.startsWith("/admin") && !t.template.startsWith("/tips")
        ? [
            post(
              t,
              `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\n${"z".repeat(1_200_000)}\r\n--${B}--\r\n`,
              `multipart/form-data; boundary=${B}`,
            ),
          ]
        : [],
  },
];

const webhookKinds: Kind[] = [
  {
    name: "webhook: no signature",
    group: "webhook",
    make: (t) =>
      t.area === "webhook"
        ? [post(t, '{"id":"evt_1","type":"checkout.session.completed","data":{"object":{}}}', JSON_TYPE)]
        : [],
  },
  {
    name: "webhook: bogus Stripe signature",
    group: "webhook",
    make: (t) =>
      t.area === "webhook"
        ? [
            post(t, '{"id":"evt_1"}', JSON_TYPE, {
              "Stripe-Signature": `t=${Math.floor(Date.now() / 1000)},v1=deadbeef`,
            }),
          ]
        : [],
  },
  {
    name: "webhook: stale Stripe signature",
    group: "webhook",
    make: (t) =>
      t.area === "webhook" ? [post(t, '{"id":"evt_1"}', JSON_TYPE, { "Stripe-Signature": "t=1,v1=00" })] : [],
  },
  {
    name: "webhook: bogus Svix signature",
    group: "webhook",
    make: (t) =>
      t.area === "webhook"
        ? [
            post(t, '{"type":"email.bounced","data":{}}', JSON_TYPE, {
              "svix-id": "msg_1",
              "svix-timestamp": String(Math.floor(Date.now() / 1000)),
              "svix-signature": "v1,AAAA",
            }),
          ]
        : [],
  },
  {
    name: "webhook: malformed signature header",
    group: "webhook",
    make: (t) =>
      t.area === "webhook"
        ? [
            post(t, "{}", JSON_TYPE, {
              "Stripe-Signature": "\u00ff\u00fe,,==",
              "svix-signature": "garbage",
              "svix-timestamp": "-1",
            }),
          ]
        : [],
  },
];

export const KINDS: Kind[] = [
  ...pathKinds,
  ...tokenKinds,
  ...queryKinds,
  ...headerKinds,
  ...methodKinds,
  ...formKinds,
  ...jsonKinds,
  ...multipartKinds,
  ...webhookKinds,
];
