import { isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises lost, refused, timed-out and overloaded connections", () => {
    for (const e of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
      Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
      Object.assign(new Error("sorry, too many clients already"), { code: "53300" }),
      Object.assign(new Error("connection failure"), { code: "08006" }),
      new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }),
      new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]),
    ]) {
      expect(isDatabaseUnavailable(e), e.message).toBe(true);
    }
  });
  it("leaves defects and data errors alone", () => {
    for (const e of [
      new Error("boom"),
      Object.assign(new Error("duplicate key value"), { code: "23505" }),
      Object.assign(new Error("invalid byte sequence for encoding UTF8: 0x00"), { code: "22021" }),
      Object.assign(new Error("syntax error"), { code: "42601" }),
      "a string",
      null,
      undefined,
    ]) {
      expect(isDatabaseUnavailable(e)).toBe(false);
    }
  });
});
