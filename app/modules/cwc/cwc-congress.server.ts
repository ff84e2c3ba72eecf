import { db } from "~db/index.server";
import { now } from "~/lib/clock.server";
import { congressAt, ordinal } from "~/modules/legislators/congress.server";
import { officeCode } from "~/modules/legislators/seats";
import { chamberOf } from "./cwc";
import { findSeatHolder, findZipDistrictsIn, readdressDelivery } from "./cwc.queries.server";
import { deliveryIdFor } from "./cwc-delivery.server";

/*
 * A letter written under one Congress and delivered under the next is re-resolved at delivery:
 * the writer's House seat is looked up again in the new Congress's ZIP map (a renumbered seat
 * moves the delivery to its new office, with a new DeliveryId), a Senate seat keeps its office and
 * goes to whoever holds it now. The delivery row keeps a note the writer's page shows.
 */

interface Row {
  id: number;
  letterId: number;
  office: string;
  deliveryId: string;
  congress: number | null;
  sentAt: Date;
  zip: string;
  state: string;
  district: number | null;
}

export async function reresolveAtDelivery<R extends Row>(
  row: R,
): Promise<{ ok: true; row: R } | { ok: false; reason: string }> {
  const inForce = await congressAt(now());
  if (row.congress === null || row.congress >= inForce) return { ok: true, row };
  const chamber = chamberOf(row.office);
  const then = `${ordinal(row.congress)} Congress`;
  const current = `${ordinal(inForce)} Congress`;
  let office = row.office;
  let district: number | null = null;
  if (chamber === "house") {
    const districts = await findZipDistrictsIn(db(), inForce, row.zip, row.state);
    district =
      districts.length === 1 ? districts[0] : districts.includes(row.district ?? -1) ? row.district : null;
    if (district === null)
      return {
        ok: false,
        reason: `Written under the ${then}; under the ${current} your ZIP code ${row.zip} is in ${districts.length ? "several districts" : "no district"}, so write again to choose yours.`,
      };
    office = officeCode({ chamber: "house", state: row.state, district });
  }
  const senateClass = chamber === "senate" ? Number(row.office.slice(4)) : null;
  const holder = await findSeatHolder(db(), inForce, {
    chamber,
    state: row.state,
    district,
    senateClass,
  });
  if (!holder)
    return {
      ok: false,
      reason: `Written under the ${then}; the seat ${office} has no member in the ${current} yet.`,
    };
  const note =
    `Written under the ${then} and delivered under the ${current}: re-addressed at delivery to ` +
    `${holder.fullName} (${office}${office === row.office ? "" : `, was ${row.office}`}).`;
  const deliveryId =
    office === row.office ? row.deliveryId : deliveryIdFor(row.letterId, office, new Date(row.sentAt));
  await readdressDelivery(db(), row.id, { office, deliveryId, congress: inForce, note });
  return { ok: true, row: { ...row, office, deliveryId, congress: inForce } };
}
