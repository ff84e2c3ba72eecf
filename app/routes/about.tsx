import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { publicVerifierKey } from "~/modules/transparency/transparency.server";

export const meta: MetaFunction = () => [{ title: "About this site | Bring them home" }];

export function loader() {
  return { verifierKey: publicVerifierKey() };
}

export default function About() {
  const { verifierKey } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page prose">
      <h1>About this site</h1>
      <p className="lead">
        This is a campaign site run by families, veterans and investigators of American servicemen who were
        held by North Korea, China and the Soviet Union after the Korean War and during the Cold War, and
        never returned.
      </p>
      <h2>Why it exists</h2>
      <p>
        About 8,000 Americans are still unaccounted for from the Korean War. Declassified U.S. records say the
        communist side kept some prisoners after the 1953 armistice. In 1954 the United States formally asked
        the Soviet government to return American prisoners taken from Korea; the Soviets denied holding any.
        Many records more than fifty years old are still classified.
      </p>
      <p>
        We ask the government to keep looking: a permanent director for the Pentagon's accounting agency,
        direct questions to Moscow and Beijing, and the release of the files.
      </p>
      <h2>What you can do here</h2>
      <ul>
        <li>
          <Link to="/">Join a campaign</Link>: sign, write to your members of Congress, or give.
        </li>
        <li>
          <Link to="/cases">Read the case files</Link> of the men we know by name.
        </li>
        <li>
          <Link to="/tips/new">Send a tip</Link> if you recognise someone or know something about a case.
        </li>
      </ul>
      <h2>Privacy</h2>
      <p>
        We never show your email address, street address or tips publicly. Your name appears on a petition
        only if you choose to show it. We send you campaign updates only if you ask for them, and every update
        has a one-click unsubscribe link. Tips are read only by our organizers, and every time an organizer
        opens one it is recorded.
      </p>
      <h2>Counts anyone can check</h2>
      <p>
        Every petition count is backed by a public log that anyone can check without seeing anyone’s personal
        data: <Link to="/transparency">how it works</Link>. Its checkpoints are signed with this key:
      </p>
      <pre>
        <code>{verifierKey}</code>
      </pre>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
