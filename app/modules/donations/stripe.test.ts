import { apiBaseOptions } from "./stripe.server";

describe("STRIPE_API_BASE as SDK options", () => {
  it("splits the URL into host, port and protocol", () => {
    expect(apiBaseOptions("http://127.0.0.1:12111")).toEqual({
      host: "127.0.0.1",
      port: 12111,
      protocol: "http",
    });
    expect(apiBaseOptions("https://stripe-mock.internal")).toEqual({
      host: "stripe-mock.internal",
      port: 443,
      protocol: "https",
    });
    expect(apiBaseOptions(undefined)).toEqual({});
  });
});
