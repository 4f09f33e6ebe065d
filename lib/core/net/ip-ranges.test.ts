import { describe, expect, it } from "vitest";
import { parseIPv6, refusedAddressClass } from "./ip-ranges";

// Every class an outbound request must not reach, in its usual and its disguised forms.
const REFUSED: [address: string, expected: string][] = [
  // unspecified ("this host"), which connects to the local machine
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["::", "unspecified"],
  // loopback
  ["127.0.0.1", "loopback"],
  ["127.1.2.3", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  // RFC 1918 private networks
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.0.1", "private"],
  ["192.168.255.255", "private"],
  ["fec0::1", "private"],
  // carrier-grade NAT, shared address space (RFC 6598)
  ["100.64.0.1", "shared"],
  ["100.127.255.255", "shared"],
  // link-local
  ["169.254.0.1", "link-local"],
  ["169.254.255.255", "link-local"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["febf:ffff::1", "link-local"],
  // cloud metadata services
  ["169.254.169.254", "metadata"],
  ["fd00:ec2::254", "metadata"],
  ["100.100.100.200", "metadata"],
  ["192.0.0.192", "metadata"],
  // unique local IPv6 (fc00::/7)
  ["fc00::1", "unique-local"],
  ["fd12:3456:789a::1", "unique-local"],
  ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique-local"],
  // multicast
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["ff02::1", "multicast"],
  ["ff05::1:3", "multicast"],
  // reserved, broadcast, documentation, benchmarking
  ["240.0.0.1", "reserved"],
  ["255.255.255.255", "reserved"],
  ["192.0.2.10", "reserved"],
  ["198.18.0.1", "reserved"],
  ["2001:db8::1", "reserved"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"], // Teredo
  ["100::1", "reserved"],
  // IPv4-mapped IPv6 forms of the above
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
  ["::ffff:10.1.2.3", "private"],
  ["::ffff:172.16.0.1", "private"],
  ["::ffff:192.168.1.1", "private"],
  ["::ffff:100.64.0.1", "shared"],
  ["::ffff:169.254.1.1", "link-local"],
  ["::ffff:169.254.169.254", "metadata"],
  ["::ffff:a9fe:a9fe", "metadata"],
  ["::ffff:0.0.0.0", "unspecified"],
  ["::ffff:224.0.0.1", "multicast"],
  // other IPv6 forms that carry an IPv4 address
  ["::127.0.0.1", "loopback"], // deprecated IPv4-compatible
  ["::8.8.8.8", "reserved"],
  ["64:ff9b::7f00:1", "loopback"], // NAT64
  ["64:ff9b::a9fe:a9fe", "metadata"],
  ["2002:7f00:1::1", "loopback"], // 6to4
  ["2002:c0a8:101::1", "private"],
  // not an IP address at all: refused, since it can't be classified
  ["localhost", "reserved"],
  ["", "reserved"],
];

const PUBLIC = [
  "8.8.8.8",
  "1.1.1.1",
  "93.184.215.14",
  "9.255.255.255",
  "11.0.0.0",
  "100.63.255.255",
  "100.128.0.0",
  "169.253.255.255",
  "169.255.0.0",
  "172.15.255.255",
  "172.32.0.0",
  "192.167.255.255",
  "192.169.0.0",
  "223.255.255.255",
  "2606:4700:4700::1111",
  "2a00:1450:4001:80b::200e",
  "::ffff:8.8.8.8",
  "64:ff9b::808:808",
  "2002:808:808::1",
];

describe("refusedAddressClass", () => {
  it.each(REFUSED)("refuses %s as %s", (address, expected) => {
    expect(refusedAddressClass(address)).toBe(expected);
  });

  it.each(PUBLIC)("lets %s through (public unicast)", (address) => {
    expect(refusedAddressClass(address)).toBeNull();
  });

  it("refuses IPv6 outside the global unicast block 2000::/3", () => {
    expect(refusedAddressClass("4000::1")).toBe("reserved");
    expect(refusedAddressClass("1fff::1")).toBe("reserved");
    expect(refusedAddressClass("3fff::1")).toBeNull();
  });
});

describe("parseIPv6", () => {
  it("reads compressed, full, dotted and bracketed forms alike", () => {
    const loopback = 1n;
    expect(parseIPv6("::1")).toBe(loopback);
    expect(parseIPv6("[::1]")).toBe(loopback);
    expect(parseIPv6("0:0:0:0:0:0:0:1")).toBe(loopback);
    expect(parseIPv6("::ffff:127.0.0.1")).toBe(parseIPv6("::ffff:7f00:1"));
    expect(parseIPv6("1:2:3:4:5:6:7:8")).toBe(0x00010002000300040005000600070008n);
    expect(parseIPv6("127.0.0.1")).toBeNull();
  });
});
