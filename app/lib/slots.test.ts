import { createSlots } from "./slots";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("createSlots", () => {
  it("runs at most `size` pieces of work at once and the rest in turn", async () => {
    const slots = createSlots(() => 2);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        slots.run(async () => {
          running += 1;
          most = Math.max(most, running);
          await tick();
          running -= 1;
          done.push(n);
        }),
      ),
    );
    expect(most).toBe(2);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(slots.busy).toBe(0);
  });

  it("frees a slot when the work fails", async () => {
    const slots = createSlots(() => 1);
    await expect(slots.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await slots.run(async () => 7)).toBe(7);
    expect(slots.busy).toBe(0);
  });

  it("tryTake refuses when full, and a release counts once", () => {
    const slots = createSlots(() => 1);
    const release = slots.tryTake();
    expect(release).not.toBeNull();
    expect(slots.tryTake()).toBeNull();
    release!();
    release!();
    expect(slots.busy).toBe(0);
    expect(slots.tryTake()).not.toBeNull();
    expect(slots.tryTake()).toBeNull();
  });
});
