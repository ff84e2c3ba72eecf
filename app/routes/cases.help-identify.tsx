import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MediaItem } from "~/components/media-item";
import { listPublicMedia } from "~/modules/media/media.server";
import { BackLink } from "~/components/notice";

export const meta: MetaFunction = () => [
  { title: "Help identify the men in wartime photos and film | Bring them home" },
  {
    name: "description",
    content:
      "Wartime photographs and film show American prisoners of war who have never been identified. If you recognise someone, tell us.",
  },
];

export async function loader() {
  const items = await listPublicMedia();
  return {
    items: items.map((m) => ({
      slug: m.slug,
      title: m.title,
      kind: m.kind,
      description: m.description,
      dateText: m.dateText,
      source: m.source,
      imageUrl: m.imageUrl,
      imageAlt: m.imageAlt,
      caseSlug: m.caseSlug,
      caseName: m.caseName,
    })),
  };
}

export default function HelpIdentify() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <BackLink to="/cases">Case files</BackLink>
      <h1>Help identify</h1>
      <p className="lead">
        Wartime photographs and film show American prisoners of war whose names are not known. A face you
        recognise, a unit patch, a place: any detail can help a family learn what happened.
      </p>
      {items.length ? (
        <div className="media-list">
          {items.map((item) => (
            <MediaItem key={item.slug} item={item} />
          ))}
        </div>
      ) : (
        <p>
          No items are published at the moment. You can still <Link to="/tips/new">send a tip</Link>.
        </p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
