import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "~/components/date-time";
import { idParam, notFound } from "~/lib/http.server";
import { CWC_STATUS_LABELS } from "~/modules/cwc/cwc";
import { campaignDeliveryReport } from "~/modules/cwc/cwc-status.server";
import { can } from "~/modules/organizers/organizers";
import { requireOrganizer } from "~/modules/organizers/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organizer = await requireOrganizer(request);
  const report = await campaignDeliveryReport(idParam(params.campaignId, "No campaign has that number."));
  if (!report) notFound("No campaign has that number.");
  return { ...report, canDownload: can(organizer.role, "read-private-contact") };
}

const STATUSES = Object.keys(CWC_STATUS_LABELS) as Array<keyof typeof CWC_STATUS_LABELS>;

export default function CampaignDelivery() {
  const { campaign, configured, offices, refusals, canDownload } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/admin/letters?campaign=${campaign.id}`}>← Letters: {campaign.title}</Link>
      </p>
      <h1>Delivery through Communicating with Congress</h1>
      <p>
        House: <strong>{configured.house ? "delivered through CWC" : "not configured"}</strong> · Senate:{" "}
        <strong>{configured.senate ? "delivered through CWC (active offices)" : "not configured"}</strong>.{" "}
        {configured.house && configured.senate
          ? ""
          : "Where CWC is not configured, writers use the contact forms, and the XML below can go to a vendor."}
      </p>
      <h2>Per office</h2>
      {offices.length ? (
        <div>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Office</th>
                {STATUSES.map((s) => (
                  <th key={s} scope="col" className="num">
                    {CWC_STATUS_LABELS[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {offices.map((o) => (
                <tr key={o.office} data-office={o.office}>
                  <td>{o.office}</td>
                  {STATUSES.map((s) => (
                    <td key={s} className="num">
                      {o.counts[s].toLocaleString("en-US")}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No letters of this campaign went through CWC.</p>
      )}
      {refusals.length ? (
        <>
          <h2>Refused by the office</h2>
          <ul className="small">
            {refusals.map((r) => (
              <li key={`${r.letterId}-${r.office}`}>
                {r.office}, letter {r.letterId}
                {r.answeredAt ? (
                  <>
                    {" "}
                    (<DateTime value={r.answeredAt} />)
                  </>
                ) : null}
                : {r.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canDownload ? (
        <>
          <h2>Download the CWC XML</h2>
          <form method="get" action={`/admin/letters/${campaign.id}/cwc.xml`} className="toolbar">
            <label htmlFor="office">Office</label>
            <input id="office" name="office" placeholder="HVT00" pattern="[HS][A-Z]{2}[0-9]{2}" size={6} />
            <label htmlFor="day">Day written</label>
            <input id="day" name="day" type="date" />
            <button className="button button--small button--secondary" type="submit">
              Download
            </button>
          </form>
          <p className="muted small">Leave a field empty for every office or every day.</p>
        </>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
