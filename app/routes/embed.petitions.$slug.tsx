import type { LoaderFunctionArgs } from "@remix-run/node";
import { escapeHtml as esc } from "~/lib/html";
import { getPetitionPage } from "~/modules/petitions/petitions.server";

/**
 * The embeddable widget (the only framable pages, see security/headers.server.ts): a plain
 * HTML document with the count, the progress and a link to sign. No script, no cookies.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const p = await getPetitionPage(params.slug ?? "");
  if (!p)
    return new Response("No petition has that address.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const percent = Math.min(100, Math.round((p.signatureCount / p.goal) * 100));
  const count = p.signatureCount.toLocaleString("en-US");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title><meta name="robots" content="noindex"></head>
<body style="margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f24;background:#fff">
<main style="border:1px solid #d6d2c9;border-radius:6px;padding:14px 16px;max-width:520px">
<h1 style="font-family:Georgia,serif;font-size:18px;line-height:1.25;margin:0 0 8px;color:#14213d">${esc(p.title)}</h1>
<p style="margin:0 0 6px;font-size:15px"><strong>${count}</strong> of ${p.goal.toLocaleString("en-US")} signatures (${percent}%)</p>
<div role="progressbar" aria-label="Signatures" aria-valuemin="0" aria-valuemax="${p.goal}" aria-valuenow="${p.signatureCount}" style="height:10px;background:#f4f2ee;border:1px solid #d6d2c9;border-radius:999px;overflow:hidden">
<div style="height:100%;width:${percent}%;background:#a4161a"></div></div>
<p style="margin:12px 0 0">${p.status === "open" ? `<a href="${esc(p.url)}/sign?source=embed" target="_blank" rel="noopener" style="display:inline-block;background:#a4161a;color:#fff;padding:8px 14px;border-radius:6px;font-weight:600;text-decoration:none">Sign the petition</a>` : `<a href="${esc(p.url)}?source=embed" target="_blank" rel="noopener" style="color:#22335c">Read about the campaign</a> (the petition is closed)`}</p>
</main></body></html>`;
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=30" },
  });
}
