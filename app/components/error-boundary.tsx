import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/** Every route hands its errors here: a useful 404, a plain 403, and no stack trace ever. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      return (
        <div className="wrap page">
          <h1>We could not find that page</h1>
          <p className="lead">The address may be mistyped, or the page may have moved.</p>
          <ul className="link-list">
            <li>
              <Link to="/">See the live campaigns</Link>
            </li>
            <li>
              <Link to="/cases">Search the case files</Link>
            </li>
            <li>
              <Link to="/tips/new">Send a tip about a missing serviceman</Link>
            </li>
          </ul>
        </div>
      );
    }
    if (error.status === 403) {
      return (
        <div className="wrap page">
          <h1>You do not have permission to do that</h1>
          <p className="lead">
            {typeof error.data === "string" && error.data
              ? error.data
              : "Ask an owner of this site for access."}
          </p>
          <p>
            <Link to="/admin">Back to the organizer dashboard</Link>
          </p>
        </div>
      );
    }
    return (
      <div className="wrap page">
        <h1>
          {error.status} {error.statusText}
        </h1>
        <p className="lead">
          {typeof error.data === "string" ? error.data : "The request could not be completed."}
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page">
      <h1>Something went wrong on our side</h1>
      <p className="lead">The problem has been logged. Please try again in a moment.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </div>
  );
}
