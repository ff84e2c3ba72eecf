import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "~/lib/http.server";
import { getCommittee } from "~/modules/legislators/committees.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getCommittee((params.id ?? "").toUpperCase());
  if (!found) notFound("No committee of Congress has that id.");
  return found;
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.committee.name} | Bring them home` }] : [{ title: "Committee not found" }];

const SIDE = { majority: "Majority", minority: "Minority" } as const;

export default function CommitteePage() {
  const { committee, subcommittees, members } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <p className="muted small">
        {committee.parentId ? (
          <>
            Subcommittee of <Link to={`/committees/${committee.parentId}`}>{committee.parentName}</Link>
          </>
        ) : (
          `${committee.chamber === "joint" ? "Joint" : committee.chamber === "house" ? "House" : "Senate"} committee`
        )}{" "}
        · {committee.id}
      </p>
      <h1>{committee.name}</h1>
      {committee.jurisdiction ? <p className="lead">{committee.jurisdiction}</p> : null}
      {committee.url ? (
        <p>
          <a href={committee.url} rel="noopener noreferrer">
            The committee's website
          </a>
        </p>
      ) : null}
      <h2>Members</h2>
      {members.length ? (
        <div>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Seat</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.bioguide}>
                  <td>
                    {m.name} ({m.party.slice(0, 1)})
                    <br />
                    <span className="muted small">{m.title}</span>
                  </td>
                  <td>
                    {m.seat}
                    <br />
                    <span className="muted small">{m.office}</span>
                  </td>
                  <td>
                    {m.role ? (
                      <>
                        {m.role}
                        <br />
                      </>
                    ) : null}
                    <span className="muted small">{SIDE[m.side]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>The members of this committee are not yet published for this Congress.</p>
      )}
      {subcommittees.length ? (
        <>
          <h2>Subcommittees</h2>
          <ul className="link-list">
            {subcommittees.map((s) => (
              <li key={s.id}>
                <Link to={`/committees/${s.id}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
