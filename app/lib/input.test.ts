import { parseId } from "./http.server";
import { jsonInput, queryInput, readFormInput } from "./input.server";
import { addressProblem, validHost } from "./request-guard.server";
import { NUL_MESSAGE, nulFields } from "./validation";

const post = (body: BodyInit, type?: string) =>
  new Request("http://x/", { method: "POST", body, headers: type ? { "Content-Type": type } : {} });

describe("the input boundary", () => {
  it("reads a urlencoded form and refuses a NUL byte in any field with a field message", async () => {
    expect(
      await readFormInput(post("email=a%40example.org&zip=05401", "application/x-www-form-urlencoded")),
    ).toMatchObject({ ok: true, values: { email: "a@example.org", zip: "05401" } });
    const nul = await readFormInput(post("email=a%00b&name=ok", "application/x-www-form-urlencoded"));
    expect(nul).toMatchObject({ ok: false, status: 400, fields: { email: NUL_MESSAGE } });
  });

  it("refuses a JSON body, no content type and a cut-off multipart body sent to a form", async () => {
    expect(await readFormInput(post('{"a":1}', "application/json"))).toMatchObject({
      ok: false,
      status: 415,
    });
    expect(await readFormInput(post("a=1"))).toMatchObject({ ok: false, status: 415 });
    const cut = await readFormInput(
      post('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nxy', "multipart/form-data; boundary=b"),
    );
    expect(cut).toMatchObject({ ok: false, status: 400, code: "unreadable_form" });
  });

  it("reads JSON objects only, and finds NUL bytes in nested strings and keys", () => {
    expect(jsonInput("application/json", '{"a":"b"}')).toEqual({ ok: true, values: { a: "b" } });
    expect(jsonInput("text/plain", "{}")).toMatchObject({ ok: false, status: 415 });
    expect(jsonInput("application/json", "{bad")).toMatchObject({ ok: false, code: "invalid_json" });
    for (const body of ["[1]", "null", "3", '"s"'])
      expect(jsonInput("application/json", body)).toMatchObject({ ok: false, code: "invalid_request" });
    expect(jsonInput("application/json", '{"a":{"b":["x\\u0000"]}}')).toMatchObject({
      ok: false,
      fields: { "a.b": NUL_MESSAGE },
    });
    expect(Object.keys(nulFields({ "k\u0000": 1 }))).toEqual(["k\\0"]);
    expect(queryInput("zip=1&zip=2")).toEqual({ ok: true, values: { zip: ["1", "2"] } });
  });

  it("parses ids one way: digits only, within 2^53", () => {
    expect(parseId("42")).toBe(42);
    for (const raw of ["0", "-1", "1e3", "0x10", "1.0", " 1", "99999999999999999999", "", null, undefined])
      expect(parseId(raw), String(raw)).toBeNull();
  });

  it("knows a valid Host and a valid address", () => {
    for (const ok of ["localhost", "localhost:3000", "127.0.0.1:8080", "example.org", "[::1]:3000"])
      expect(validHost(ok), ok).toBe(true);
    for (const bad of ["", "a:-1", "a:99999", "a:0", "a:abc", "[::1", "a b", "a,b", "evil.example:"])
      expect(validHost(bad), bad).toBe(false);
    expect(addressProblem("/campaigns/dpaa-director?x=1")).toBeNull();
    expect(addressProblem("/cases?q=%C3%A9t%C3%A9")).toBeNull();
    for (const bad of ["/x/%00", "/x/%FF%FE", "/x/%c0%ae", "/x/%", "/x/%E2%82", "/x?q=%00", "/x/a%0D%0Ab"])
      expect(addressProblem(bad), bad).not.toBeNull();
  });
});
