import type { AddressInfo } from "node:net";
import express from "express";
import { db } from "~db/index.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { districtsHandler } from "~/modules/legislators/district-lookup.api.server";
import { clearDistrictCache } from "~/modules/legislators/district-lookup.server";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";

let base = "";
let close: () => void;

beforeAll(async () => {
  await importCongressData(db(), { folder: CONGRESS_SNAPSHOT });
  clearDistrictCache();
  const app = express();
  app.get("/api/v1/districts", districtsHandler);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close?.());

async function get(zip: string) {
  const res = await fetch(`${base}/api/v1/districts?zip=${encodeURIComponent(zip)}`);
  return { status: res.status, body: (await res.json()) as any };
}

describe("GET /api/v1/districts", () => {
  it("05401: one district, its representative and two senators with contact details and offices", async () => {
    const { status, body } = await get("05401");
    expect(status).toBe(200);
    expect(body.needsChoice).toBe(false);
    expect(body.candidates).toHaveLength(1);
    const c = body.candidates[0];
    expect(c).toMatchObject({ seat: "VT-0", label: "VT-AL", vacant: false });
    expect(c.house).toMatchObject({ bioguide: "B001318", title: "Representative", party: "Democrat" });
    expect(c.house.phone).toMatch(/^202-/);
    expect(c.house.url).toMatch(/^https:/);
    expect(c.senators.map((s: { bioguide: string }) => s.bioguide).sort()).toEqual(["S000033", "W000800"]);
    expect(c.senators[0].contactForm).toMatch(/^https:/);
    expect(c.house.districtOffices.length).toBeGreaterThan(0);
    expect(body.data.sourceDate).toBeTruthy();
  });

  it("90210: several districts, all listed, none picked", async () => {
    const { body } = await get("90210");
    expect(body.needsChoice).toBe(true);
    expect(body.candidates.length).toBeGreaterThan(1);
    for (const c of body.candidates) {
      expect(c.state).toBe("CA");
      expect(c.senators).toHaveLength(2);
    }
  });

  it("00802: a territory's delegate and no senators", async () => {
    const { body } = await get("00802");
    expect(body.candidates).toHaveLength(1);
    expect(body.candidates[0].house).toMatchObject({ title: "Delegate", state: "VI" });
    expect(body.candidates[0].senators).toEqual([]);
  });

  it("a vacant seat (CA-14) says so and still gives the senators", async () => {
    const { body } = await get("94544");
    expect(body.candidates).toHaveLength(1);
    expect(body.candidates[0]).toMatchObject({ seat: "CA-14", vacant: true, house: null });
    expect(body.candidates[0].senators).toHaveLength(2);
  });

  it("a multi-state ZIP lists each state's senators with its districts", async () => {
    const { body } = await get("02861");
    expect(body.states.length).toBeGreaterThan(1);
    for (const c of body.candidates) for (const s of c.senators) expect(s.state).toBe(c.state);
  });

  it("a PO-box ZIP absent from the data falls back to its state and asks for the district", async () => {
    const { status, body } = await get("73301");
    expect(status).toBe(200);
    expect(body).toMatchObject({ match: "state", city: "Austin", states: ["TX"], needsChoice: true });
    expect(body.candidates.length).toBe(38);
    const dc = await get("20500");
    expect(dc.body).toMatchObject({ match: "state", needsChoice: false });
    expect(dc.body.candidates[0].house.title).toBe("Delegate");
  });

  it("ZIP+4 is accepted; unknown ZIPs are 404", async () => {
    expect((await get("05401-1234")).body.zip).toBe("05401");
    const unknown = await get("99999");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("unknown_zip");
  });

  it.each(["ABCDE", "1234", "", "054011", "05401-12", "<script>"])(
    "%j is a 400 with a message",
    async (zip) => {
      const { status, body } = await get(zip);
      expect(status).toBe(400);
      expect(body.error.code).toBe("invalid_zip");
      expect(body.error.message).toMatch(/ZIP/);
    },
  );

  it("a member without contact data (Gallagher, CA-1) is listed with nulls", async () => {
    const row = await db()
      .selectFrom("zipDistricts")
      .select("zip")
      .where("state", "=", "CA")
      .where("district", "=", 1)
      .limit(1)
      .executeTakeFirstOrThrow();
    const { body } = await get(row.zip.trim());
    const c = body.candidates.find((x: { seat: string }) => x.seat === "CA-1");
    expect(c.house).toMatchObject({ bioguide: "G000607", phone: null, url: null, districtOffices: [] });
  });
});
