import { sql } from "kysely";
import { db } from "~db/index.server";
import { overrideEnv } from "~/env.server";
import { action as signAction } from "~/routes/campaigns.$slug.sign";
import { loader as checkpointLoader } from "~/routes/transparency.petitions.$slug.checkpoint";
import { getPetitionJson } from "~/modules/petitions/petitions.server";
import { invalidateSignatures, toRule } from "~/modules/petitions/petitions-admin.server";
import { rollUpSignatures } from "~/modules/petitions/rollup.server";
import { verifyLog } from "~/modules/transparency/verify-log";
import { makeOrganizer } from "../factories";
import { callRouteRaw as callRoute, form, post } from "../support/remix";
import { makePetition, zipDistricts } from "../support/petitions";
import { published } from "../support/transparency";

beforeAll(() => zipDistricts([{ zip: "05401", state: "VT", district: 0 }]));
afterEach(() => overrideEnv({ TRANSPARENCY_CHECKPOINT_SECONDS: 120 }));

let k = 0;
async function sign(slug: string, email = `cadence-${++k}@example.org`) {
  await callRoute(
    signAction as never,
    post(`/campaigns/${slug}/sign`, form({ firstName: "Jane", lastName: "Roe", email, zip: "05401" })),
    { slug },
    { clientIp: `198.51.100.${k % 250}` },
  );
  return email;
}

const checkpoints = (petitionId: number) =>
  db()
    .selectFrom("transparencyCheckpoints")
    .select("size")
    .where("petitionId", "=", petitionId)
    .orderBy("size")
    .execute()
    .then((rows) => rows.map((r) => r.size));

/** As if the cadence had passed since the latest checkpoint. */
const ageCheckpoint = (petitionId: number, seconds: number) =>
  db()
    .updateTable("transparencyLogs")
    .set({ checkpointedAt: sql`now() - make_interval(secs => ${seconds})` })
    .where("petitionId", "=", petitionId)
    .execute();

describe("checkpoints on a cadence", () => {
  it("signs a growing log every TRANSPARENCY_CHECKPOINT_SECONDS, its first lines and a removal at once; the published moment always verifies", async () => {
    overrideEnv({ TRANSPARENCY_CHECKPOINT_SECONDS: 120 });
    const p = await makePetition({ requiresConfirmation: false });
    await sign(p.slug);
    const victim = await sign(p.slug);
    await rollUpSignatures();
    // The log's first lines: signed at once.
    expect(await checkpoints(p.petitionId)).toEqual([2]);
    const first = await published(p.slug);

    // More lines within the cadence: appended, not yet signed; the published moment stays the checkpoint's.
    await sign(p.slug);
    await sign(p.slug);
    await rollUpSignatures();
    expect(await checkpoints(p.petitionId)).toEqual([2]);
    const waiting = await published(p.slug);
    expect(waiting).toEqual(first);
    expect(verifyLog(waiting).tally.net).toBe(2);
    expect((await getPetitionJson(p.slug))?.signatureCount).toBe(4); // the page counts ahead of the checkpoint

    // The cadence passes: the next run signs the head, and the older checkpoint stays published.
    await ageCheckpoint(p.petitionId, 119);
    await rollUpSignatures();
    expect(await checkpoints(p.petitionId)).toEqual([2]);
    await ageCheckpoint(p.petitionId, 121);
    await rollUpSignatures();
    expect(await checkpoints(p.petitionId)).toEqual([2, 4]);
    const second = await published(p.slug);
    expect(verifyLog({ ...second, previous: first.checkpoint }).tally.net).toBe(4);
    expect((await getPetitionJson(p.slug))?.signatureCount).toBe(second.tally.tally.net);
    const old = (await callRoute(
      checkpointLoader as never,
      new Request(`http://localhost/transparency/petitions/${p.slug}/checkpoint?size=2`),
      { slug: p.slug },
    )) as Response;
    expect(await old.text()).toBe(first.checkpoint);

    // A signature, then an invalidation, within the cadence: the removal is signed at once, with the line before it.
    await sign(p.slug);
    await rollUpSignatures();
    const organizer = await makeOrganizer("editor");
    await invalidateSignatures(
      organizer.id,
      p.petitionId,
      toRule({ rule: "email", value: victim, from: "", to: "", confirm: true }),
    );
    expect(await checkpoints(p.petitionId)).toEqual([2, 4, 6]);
    const third = await published(p.slug);
    expect(verifyLog({ ...third, previous: second.checkpoint }).tally).toMatchObject({
      confirmed: 5,
      invalidated: 1,
      net: 4,
    });
    expect((await getPetitionJson(p.slug))?.signatureCount).toBe(4);
  });

  it("signs at every run that grows a log when the cadence is 0", async () => {
    overrideEnv({ TRANSPARENCY_CHECKPOINT_SECONDS: 0 });
    const p = await makePetition({ requiresConfirmation: false });
    await sign(p.slug);
    await rollUpSignatures();
    await sign(p.slug);
    await rollUpSignatures();
    await rollUpSignatures(); // nothing new: no checkpoint of the same size again
    expect(await checkpoints(p.petitionId)).toEqual([1, 2]);
    expect(verifyLog(await published(p.slug)).tally.net).toBe(2);
  });
});
