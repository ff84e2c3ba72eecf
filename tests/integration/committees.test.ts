import type { AddressInfo } from "node:net";
import express from "express";
import { db } from "~db/index.server";
import { importCongressData } from "~/modules/legislators/import.server";
import { districtsHandler } from "~/modules/legislators/district-lookup.api.server";
import { clearDistrictCache } from "~/modules/legislators/district-lookup.server";
import { loader } from "~/routes/committees.$id";
import { callRoute } from "../support/remix";
import { CONGRESS_SNAPSHOT } from "../support/congress-snapshot";

let base = "";
let close: () => void;
let summary = "";

beforeAll(async () => {
  summary = (await importCongressData(db(), { folder: CONGRESS_SNAPSHOT })).summary;
  clearDistrictCache();
  const app = express();
  app.get("/api/v1/districts", districtsHandler);
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close?.());

const committee = async (id: string) =>
  callRoute(loader, new Request(`http://localhost/committees/${id}`), { id });

describe("committees from the snapshot", () => {
  it("the import counts the committee files", () => {
    expect(summary).toMatch(/ 2\d\d committees and subcommittees, [\d,]+ memberships\./);
  });

  it("/committees/HSAS02: the Military Personnel subcommittee with its chair and ranking member", async () => {
    const res = await committee("HSAS02");
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.committee).toMatchObject({
      id: "HSAS02",
      parentId: "HSAS",
      parentName: "House Committee on Armed Services",
    });
    expect(body.committee.name).toMatch(/Military Personnel/);
    expect(body.members).toHaveLength(14);
    expect(body.members[0]).toMatchObject({
      bioguide: "F000246",
      role: "Chairman",
      side: "majority",
      office: "HTX04",
    });
    expect(body.members.find((m: any) => m.role === "Ranking Member")).toMatchObject({
      bioguide: "H001085",
      side: "minority",
    });
  });

  it("a parent committee lists its subcommittees; an unknown or malformed id is a 404", async () => {
    const body = (await (await committee("SSAS")).json()) as any;
    expect(body.subcommittees.map((s: any) => s.id)).toContain("SSAS17");
    expect((await committee("HSZZ99")).status).toBe(404);
    expect((await committee("x'; drop")).status).toBe(404);
  });

  it("GET /api/v1/districts gives each member's CWC office code and committees", async () => {
    const res = await fetch(`${base}/api/v1/districts?zip=05401`);
    const body = (await res.json()) as any;
    const c = body.candidates[0];
    expect(c.house.office).toBe("HVT00");
    expect(c.senators.map((s: any) => `${s.office} ${s.bioguide}`).sort()).toEqual([
      "SVT01 S000033",
      "SVT03 W000800",
    ]);
    const sanders = c.senators.find((s: any) => s.bioguide === "S000033");
    expect(sanders.committees.length).toBeGreaterThan(2);
    expect(sanders.committees[0]).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^S[A-Z]{3}/),
        side: expect.stringMatching(/majority|minority/),
      }),
    );
  });
});
