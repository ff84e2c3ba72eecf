import { log } from "~/lib/log.server";
import { expectServerError } from "../support/server-errors";

// The guard itself: an error the app logs fails the test that caused it, unless expected.
describe("a server error logged during a test", () => {
  it("passes when the test expects it", () => {
    expectServerError(/district lookup failed/);
    log.error("district lookup failed", { error: "boom" });
  });

  it.fails("fails the test when it is not expected", () => {
    log.error("something broke");
  });

  it.fails("fails the test when an expected error is never logged", () => {
    expectServerError(/never happens/);
  });
});
