import { clientIp, ipLimitKey, isAllowListed, normaliseIp } from "./client-ip.server";

describe("ipLimitKey", () => {
  it("keeps an IPv4 address, IPv4-mapped IPv6 included", () => {
    expect(ipLimitKey("203.0.113.9")).toBe("203.0.113.9");
    expect(ipLimitKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });
  it("groups IPv6 addresses by their /64, however they are written", () => {
    const key = ipLimitKey("2001:db8:aa:bb::1");
    expect(key).toBe("2001:db8:aa:bb::/64");
    expect(ipLimitKey("2001:0DB8:00aa:00bb:ffff:ffff:ffff:fffe")).toBe(key);
    expect(ipLimitKey("[2001:db8:aa:bb:1:2:3:4]")).toBe(key);
    expect(ipLimitKey("2001:db8:aa:bb::1%eth0")).toBe(key);
    expect(ipLimitKey("2001:db8:aa:bc::1")).not.toBe(key);
    expect(ipLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(ipLimitKey("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
  });
});

describe("clientIp", () => {
  it("ignores X-Forwarded-For unless proxies are trusted, and then takes the right hop", () => {
    expect(clientIp("127.0.0.1", "198.51.100.1", 0)).toBe("127.0.0.1");
    expect(clientIp("127.0.0.1", "198.51.100.1, 10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientIp("127.0.0.1", "198.51.100.1, 10.0.0.2", 2)).toBe("198.51.100.1");
    expect(clientIp("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
  });
});

describe("isAllowListed", () => {
  it("matches normalised addresses, and an empty list allows nobody", () => {
    expect(isAllowListed("::ffff:127.0.0.1", "127.0.0.1,::1")).toBe(true);
    expect(isAllowListed("127.0.0.1", "")).toBe(false);
    expect(isAllowListed(normaliseIp(" ::1 "), "127.0.0.1, ::1")).toBe(true);
  });
});
