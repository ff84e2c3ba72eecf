/**
 * Seats in Congress: the one place that knows how a seat is named. Pure, safe for the browser.
 */

/** DC and the territories whose single House member is a non-voting delegate. */
export const DELEGATE_AREAS: ReadonlySet<string> = new Set(["DC", "GU", "VI", "AS", "MP"]);
/** Puerto Rico's single House member is its (non-voting) Resident Commissioner. */
export const RESIDENT_COMMISSIONER_AREAS: ReadonlySet<string> = new Set(["PR"]);

/** DC or a territory: one non-voting House member elected at large, and no senators. */
export function isNonStateArea(state: string): boolean {
  return DELEGATE_AREAS.has(state) || RESIDENT_COMMISSIONER_AREAS.has(state);
}

/**
 * The label of a seat, the same on every page, API answer, email, letter and file:
 *
 * - a state's numbered House district: `"CA-12"`;
 * - district 0, the only seat of a state with one member (at large): `"VT-AL"`;
 * - DC and the territories (DC, PR, GU, VI, AS, MP) send one non-voting member (a delegate;
 *   Puerto Rico's resident commissioner) chosen by the whole area, and have no senators: the
 *   seat is the area's code alone, `"DC"`, `"PR"`, whether or not it is filled, whatever the
 *   district number in the data;
 * - a senator's seat, or no district at all (`null`): the state, `"VT"`;
 * - a district not known because the ZIP code spans several (a negative number): `"CA-?"`.
 */
export function seatLabel(state: string, district: number | null): string {
  if (district === null || isNonStateArea(state)) return state;
  if (district < 0) return `${state}-?`;
  return district === 0 ? `${state}-AL` : `${state}-${district}`;
}

/**
 * The office code Communicating with Congress (CWC) uses for a member's office, the stable key of
 * a seat across Congresses: House `H` + state + two-digit district, at large and delegates `00`
 * (`HVT00`, `HCA12`; American Samoa's House office is `HAQ00`); Senate `S` + state + `0` + class
 * (`SVT01`, `SAK02`).
 */
export function officeCode(
  seat:
    | { chamber: "house"; state: string; district: number | null }
    | { chamber: "senate"; state: string; senateClass: number },
): string {
  if (seat.chamber === "senate") return `S${seat.state}0${seat.senateClass}`;
  const state = seat.state === "AS" ? "AQ" : seat.state;
  const district = isNonStateArea(seat.state) || !seat.district || seat.district < 0 ? 0 : seat.district;
  return `H${state}${String(district).padStart(2, "0")}`;
}
