import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { publicDeliveryFigures } from "~/modules/cwc/cwc-status.server";

export async function loader() {
  return publicDeliveryFigures();
}

export const meta: MetaFunction = () => [{ title: "How letters reach Congress | Bring them home" }];

export default function DeliveryFigures() {
  const { configured, offices, accepted } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>How your letters reach Congress</h1>
      <p className="lead">
        Where an office takes it, we deliver each letter through Communicating with Congress (CWC), the
        chambers' official channel for constituent mail; elsewhere you send it through the office's contact
        form, by phone or by mail.
      </p>
      <p>
        House offices: {configured.house ? "through CWC" : "by contact form (CWC not set up yet)"}. Senate
        offices:{" "}
        {configured.senate ? "through CWC where the office takes it" : "by contact form (CWC not set up yet)"}
        . <strong>{accepted.toLocaleString("en-US")}</strong> letters accepted by offices so far.
      </p>
      {offices.length ? (
        <div>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Office</th>
                <th scope="col">Delivered by</th>
                <th scope="col" className="num">
                  Accepted
                </th>
                <th scope="col" className="num">
                  Letters
                </th>
              </tr>
            </thead>
            <tbody>
              {offices.map((o) => (
                <tr key={o.office} data-office={o.office}>
                  <td>{o.office}</td>
                  <td>{o.method}</td>
                  <td className="num">{o.accepted.toLocaleString("en-US")}</td>
                  <td className="num">{o.total.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No letters have gone through CWC yet.</p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
