import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CONGRESS_SNAPSHOT, readSnapshotFile } from "./congress-snapshot";

/*
 * The "119th to 120th" fixture (tests/fixtures/congress-119-to-120.json) applied to the 119th
 * snapshot: a folder of the five public files as the 120th Congress's would be published.
 */

interface Fixture {
  houseTerm: { start: string; end: string };
  senateTermRenewed: { start: string; end: string };
  leaving: string[];
  arriving: Array<{
    bioguide: string;
    first: string;
    last: string;
    type: "rep" | "sen";
    state: string;
    district?: number;
    class?: number;
    state_rank?: string;
    party: string;
    phone: string;
  }>;
  renumbered: { state: string; swap: [number, number] };
  emptiedCommittees: string[];
}

type Term = Record<string, unknown> & {
  type: string;
  start: string;
  end: string;
  state: string;
  district?: number;
};
type Person = { id: { bioguide: string }; name: Record<string, string>; terms: Term[] };

export const FIXTURE_120: Fixture = JSON.parse(
  readFileSync(path.resolve(process.cwd(), "tests/fixtures/congress-119-to-120.json"), "utf8"),
);

export function buildCongress120Folder(): string {
  const f = FIXTURE_120;
  const dir = mkdtempSync(path.join(tmpdir(), "congress-120-"));
  const [a, b] = f.renumbered.swap;
  const swap = (state: string, d: number) =>
    state !== f.renumbered.state ? d : d === a ? b : d === b ? a : d;
  const people: Person[] = JSON.parse(readSnapshotFile("legislators-current.json"));
  const kept = people.filter((p) => !f.leaving.includes(p.id.bioguide));
  for (const p of kept) {
    const last = p.terms[p.terms.length - 1];
    if (last.type === "rep")
      p.terms.push({ ...last, ...f.houseTerm, district: swap(last.state, Number(last.district)) });
    else if (last.end <= f.houseTerm.start) p.terms.push({ ...last, ...f.senateTermRenewed });
  }
  for (const n of f.arriving)
    kept.push({
      id: { bioguide: n.bioguide },
      name: { first: n.first, last: n.last, official_full: `${n.first} ${n.last}` },
      terms: [
        {
          type: n.type,
          ...(n.type === "rep" ? f.houseTerm : f.senateTermRenewed),
          state: n.state,
          ...(n.type === "rep" ? { district: n.district } : { class: n.class, state_rank: n.state_rank }),
          party: n.party,
          phone: n.phone,
        },
      ],
    });
  writeFileSync(path.join(dir, "legislators-current.json"), JSON.stringify(kept));
  const offices: Array<{ id: { bioguide: string } }> = JSON.parse(
    readSnapshotFile("legislators-district-offices.json"),
  );
  writeFileSync(
    path.join(dir, "legislators-district-offices.json"),
    JSON.stringify(offices.filter((o) => !f.leaving.includes(o.id.bioguide))),
  );
  const zccd = readSnapshotFile("zccd.csv")
    .split("\n")
    .map((line) => {
      const [fips, state, zip, cd] = line.split(",");
      if (state !== f.renumbered.state || cd === undefined) return line;
      return [fips, state, zip, String(swap(state, Number(cd)))].join(",");
    });
  writeFileSync(path.join(dir, "zccd.csv"), zccd.join("\n"));
  copyFileSync(
    path.join(CONGRESS_SNAPSHOT, "zccd-island-areas.csv"),
    path.join(dir, "zccd-island-areas.csv"),
  );
  writeFileSync(path.join(dir, "committees-current.json"), readSnapshotFile("committees-current.json"));
  const rosters: Record<string, Array<{ bioguide: string }>> = JSON.parse(
    readSnapshotFile("committee-membership-current.json"),
  );
  for (const [id, members] of Object.entries(rosters))
    rosters[id] = f.emptiedCommittees.includes(id)
      ? []
      : members.filter((m) => !f.leaving.includes(m.bioguide));
  writeFileSync(path.join(dir, "committee-membership-current.json"), JSON.stringify(rosters));
  return dir;
}
