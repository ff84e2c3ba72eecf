import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/components/nonce";
import { env } from "~/env.server";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader(_args: LoaderFunctionArgs) {
  const config = env();
  return { orgName: config.ORG_NAME, orgAddress: config.ORG_POSTAL_ADDRESS, timeZone: config.ORG_TIME_ZONE };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const orgName = data?.orgName ?? "Bring Them Home";
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap site-header__inner">
            <a href="/" className="brand">
              <span className="brand__mark" aria-hidden="true">
                ★
              </span>
              <span>{orgName}</span>
            </a>
            <nav aria-label="Main">
              <ul className="nav">
                <li>
                  <NavLink to="/" end>
                    Campaigns
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/cases">Case files</NavLink>
                </li>
                <li>
                  <NavLink to="/tips/new">Send a tip</NavLink>
                </li>
                <li>
                  <NavLink to="/about">About</NavLink>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              {orgName}. We will not stop asking until every American held after the Korean War and the Cold
              War is accounted for.
            </p>
            {data?.orgAddress ? <p className="muted">{data.orgAddress}</p> : null}
            <p className="muted">
              <a href="/about">About and privacy</a> · <a href="/admin">Organizers</a>
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
