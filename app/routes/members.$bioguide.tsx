import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PositionBadge } from "~/components/statements/position-badge";
import { notFound } from "~/lib/http.server";
import { seatLabel } from "~/modules/legislators/seats";
import { KIND_LABELS } from "~/modules/statements/statements";
import { memberPage } from "~/modules/statements/statements.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const bioguide = params.bioguide ?? "";
  const page = /^[A-Z][0-9]{6}$/.test(bioguide) ? await memberPage(bioguide) : null;
  if (!page) notFound("No member of Congress has that id.");
  return page;
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `${data.member.title} ${data.member.fullName} | Bring them home` }]
    : [{ title: "Not found" }];

export default function MemberPage() {
  const { member, statements } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>
        {member.title} {member.fullName}
      </h1>
      <p className="lead">
        {member.party}, {seatLabel(member.state, member.chamber === "house" ? member.district : null)}
      </p>
      <h2>Positions on our campaigns</h2>
      {statements.length ? (
        <ul className="statement-list">
          {statements.map((s) => (
            <li key={s.id}>
              <h3 className="h4">
                <Link to={`/campaigns/${s.campaignSlug}/scorecard`}>{s.campaignTitle}</Link>
              </h3>
              <p>
                <PositionBadge position={s.position} />{" "}
                <span className="small">
                  {KIND_LABELS[s.kind]}, {s.statedOn}
                </span>
              </p>
              {s.body ? <p className="statement-text">{s.body}</p> : null}
              {s.sourceUrl ? (
                <p className="small">
                  <a href={s.sourceUrl} rel="nofollow noopener noreferrer">
                    Source
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No verified statement yet.</p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
