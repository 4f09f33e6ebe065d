// A TZID is only written when a parser, given the file's VTIMEZONE, turns each local time back
// into the instant we meant; these tests check that for every time zone the runtime knows.
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { utcToZonedInput, zoneOffsetMinutes } from "@/lib/core/zoned-time";
import { localTimeIsUnambiguous, OUTDATED_VTIMEZONES, trustedVtimezone } from "./time-zones";

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** The instants in [from, to) at which the zone's UTC offset changes (to the minute). */
function offsetChanges(zone: string, from: number, to: number): number[] {
  const offset = (at: number) => zoneOffsetMinutes(new Date(at), zone);
  const changes: number[] = [];
  for (let start = from; start < to; start += WEEK) {
    if (offset(start) === offset(start + WEEK)) continue;
    let [low, high] = [start, start + WEEK];
    while (high - low > MINUTE) {
      const middle = Math.floor((low + high) / 2 / MINUTE) * MINUTE;
      if (offset(middle) === offset(low)) low = middle;
      else high = middle;
    }
    changes.push(high);
  }
  return changes;
}

/** Around every offset change, and once a month at a varying hour. */
function sampleInstants(zone: string, from: number, to: number): number[] {
  const monthly: number[] = [];
  for (let at = from, hour = 0; at < to; at += 30 * DAY, hour = (hour + 5) % 24) {
    monthly.push(at + hour * 60 * MINUTE);
  }
  const edges = offsetChanges(zone, from, to).flatMap((at) => [at - MINUTE, at, at + 90 * MINUTE]);
  return [...monthly, ...edges];
}

/** The instant a parser reads from the zone's local time for `at`, using only the VTIMEZONE. */
function readBack(vtimezone: InstanceType<typeof ICAL.Timezone>, at: number, zone: string) {
  const local = utcToZonedInput(new Date(at), zone);
  const [year, month, day, hour, minute] = local.split(/[-T:]/).map(Number);
  const time = new ICAL.Time({ year, month, day, hour, minute, second: 0 }, vtimezone);
  return time.toUnixTime() * 1000;
}

describe("trustedVtimezone", () => {
  it("offers a VTIMEZONE only for zones whose local times read back to the same instant", () => {
    const from = Math.floor((Date.now() - 61 * DAY) / MINUTE) * MINUTE;
    const to = from + 3 * 365 * DAY;
    const wrong: string[] = [];
    let trusted = 0;
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const component = trustedVtimezone(zone);
      if (component === null) continue;
      trusted += 1;
      const vtimezone = new ICAL.Timezone(ICAL.Component.fromString(component));
      const misread = sampleInstants(zone, from, to).find(
        (at) => localTimeIsUnambiguous(new Date(at), zone) && readBack(vtimezone, at, zone) !== at,
      );
      if (misread !== undefined) wrong.push(`${zone} at ${new Date(misread).toISOString()}`);
    }
    expect(wrong).toEqual([]);
    expect(trusted).toBeGreaterThan(300);
  });

  it("refuses the zones listed as outdated, which are real zones with bundled data", () => {
    const canonical = new Set(Intl.supportedValuesOf("timeZone"));
    for (const zone of OUTDATED_VTIMEZONES) {
      expect(canonical.has(zone), zone).toBe(true);
      expect(getVtimezoneComponent(zone), zone).not.toBeNull();
      expect(trustedVtimezone(zone), zone).toBeNull();
    }
    expect(trustedVtimezone("Europe/Paris")).toContain("TZID:Europe/Paris");
  });

  it("refuses names it cannot check: aliases, UTC and unknown zones", () => {
    expect(trustedVtimezone("UTC")).toBeNull();
    expect(trustedVtimezone("Mars/Olympus_Mons")).toBeNull();
  });
});

describe("localTimeIsUnambiguous", () => {
  it("is false in both passes of the hour repeated when clocks go back", () => {
    // Chicago, 1 Nov 2026: 01:00–02:00 local happens at 06:00–07:00Z and again at 07:00–08:00Z.
    expect(localTimeIsUnambiguous(new Date("2026-11-01T06:30:00Z"), "America/Chicago")).toBe(false);
    expect(localTimeIsUnambiguous(new Date("2026-11-01T07:30:00Z"), "America/Chicago")).toBe(false);
    expect(localTimeIsUnambiguous(new Date("2026-11-01T05:30:00Z"), "America/Chicago")).toBe(true);
    expect(localTimeIsUnambiguous(new Date("2026-11-01T08:30:00Z"), "America/Chicago")).toBe(true);
  });

  it("is true around clocks going forward and in zones without changes", () => {
    expect(localTimeIsUnambiguous(new Date("2026-03-29T01:30:00Z"), "Europe/Paris")).toBe(true);
    expect(localTimeIsUnambiguous(new Date("2026-03-29T00:59:00Z"), "Europe/Paris")).toBe(true);
    expect(localTimeIsUnambiguous(new Date("2026-07-01T12:00:00Z"), "Asia/Tokyo")).toBe(true);
  });
});
