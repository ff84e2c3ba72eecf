import { readdirSync } from "node:fs";
import path from "node:path";

// Every UI route (a module with a component) hands its errors to the shared error boundary.
const dir = path.resolve(process.cwd(), "app/routes");
const files = readdirSync(dir).filter((f) => f.endsWith(".tsx"));

describe("UI routes", () => {
  it("each exports an ErrorBoundary (the shared one)", async () => {
    const missing: string[] = [];
    let ui = 0;
    for (const file of files) {
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
      if (typeof mod.default !== "function") continue;
      ui++;
      if (typeof mod.ErrorBoundary !== "function") missing.push(file);
    }
    expect(ui).toBeGreaterThanOrEqual(52);
    expect(missing).toEqual([]);
  }, 60_000);
});
