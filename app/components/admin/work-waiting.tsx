import { Link } from "@remix-run/react";
import { countOf } from "~/modules/dashboard/figures";

type Waiting = {
  newTips: number | null;
  replies: number;
  failedEmails: number;
  outboxLink: boolean;
  trending: Array<{ petitionId: number; campaignTitle: string; ips: number; most: number }>;
  trendingThreshold: number;
  refused: Array<{ campaignId: number; campaignTitle: string; n: number }>;
};

/** What waits for an organizer, each item linking to the page where it is handled. */
export function WorkWaiting({ waiting }: { waiting: Waiting }) {
  const items: Array<{ key: string; text: string; to: string | null }> = [];
  if (waiting.newTips !== null)
    items.push({
      key: "tips",
      text: `${countOf(waiting.newTips, "new tip", "new tips")} to triage`,
      to: "/admin/tips?status=new",
    });
  items.push({
    key: "replies",
    text: `${countOf(waiting.replies, "reply from an office", "replies from offices")} to verify`,
    to: "/admin/replies",
  });
  for (const t of waiting.trending)
    items.push({
      key: `trending-${t.petitionId}`,
      text: `${t.campaignTitle}: ${countOf(t.ips, "IP address", "IP addresses")} sent more than ${countOf(waiting.trendingThreshold, "signature", "signatures")} in an hour today (at most ${t.most.toLocaleString("en-US")})`,
      to: `/admin/petitions/${t.petitionId}`,
    });
  if (!waiting.trending.length)
    items.push({
      key: "trending",
      text: "No IP address sent an unusual number of signatures today",
      to: null,
    });
  for (const r of waiting.refused)
    items.push({
      key: `refused-${r.campaignId}`,
      text: `${r.campaignTitle}: ${countOf(r.n, "letter", "letters")} refused by Congress's delivery system`,
      to: `/admin/letters/${r.campaignId}/delivery`,
    });
  items.push({
    key: "mail",
    text: `${countOf(waiting.failedEmails, "email", "emails")} failed to send in the last 30 days`,
    to: waiting.outboxLink && waiting.failedEmails > 0 ? "/admin/outbox" : null,
  });
  return (
    <ul className="dash-waiting">
      {items.map((i) => (
        <li key={i.key}>{i.to ? <Link to={i.to}>{i.text}</Link> : i.text}</li>
      ))}
    </ul>
  );
}
