// Which member time zones a calendar file can be written in. A TZID needs a VTIMEZONE that
// gives the same UTC offsets as the tz data we format local times with (the runtime's Intl);
// @touch4it/ical-timezones ships tz data 2018g, so zones whose rules changed since then are
// written in UTC instead, as are zones it lacks (time-zones.test.ts keeps the list exact).
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { zoneOffsetMinutes } from "@/lib/core/zoned-time";

export const OUTDATED_VTIMEZONES: ReadonlySet<string> = new Set([
  "Africa/Cairo",
  "Africa/Casablanca",
  "Africa/El_Aaiun",
  "Africa/Juba",
  "Africa/Sao_Tome",
  "America/Asuncion",
  "America/Bahia_Banderas",
  "America/Campo_Grande",
  "America/Chihuahua",
  "America/Cuiaba",
  "America/Dawson",
  "America/Godthab",
  "America/Mazatlan",
  "America/Merida",
  "America/Mexico_City",
  "America/Monterrey",
  "America/Ojinaga",
  "America/Santiago",
  "America/Sao_Paulo",
  "America/Scoresbysund",
  "America/Whitehorse",
  "Antarctica/Macquarie",
  "Antarctica/Vostok",
  "Asia/Almaty",
  "Asia/Amman",
  "Asia/Damascus",
  "Asia/Gaza",
  "Asia/Hebron",
  "Asia/Jerusalem",
  "Asia/Qyzylorda",
  "Asia/Tehran",
  "Europe/Volgograd",
  "Pacific/Apia",
  "Pacific/Fiji",
  "Pacific/Norfolk",
]);

// Only canonical names were checked against the VTIMEZONE data; an alias falls back to UTC.
const CANONICAL_ZONES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("timeZone"));

/** The zone's VTIMEZONE component when its offsets can be trusted, otherwise null. */
export function trustedVtimezone(timeZone: string): string | null {
  if (!CANONICAL_ZONES.has(timeZone) || OUTDATED_VTIMEZONES.has(timeZone)) return null;
  return getVtimezoneComponent(timeZone);
}

const DAY_MS = 86_400_000;

/**
 * Whether the zone's local time for `instant` names that instant and no other. Local times in
 * the hour repeated when clocks go back are read differently by calendar apps (RFC 5545 means
 * the first occurrence, ical.js takes the second), so such instants are written in UTC.
 */
export function localTimeIsUnambiguous(instant: Date, timeZone: string): boolean {
  const offsetMs = (at: number) => zoneOffsetMinutes(new Date(at), timeZone) * 60_000;
  const at = instant.getTime();
  const local = at + offsetMs(at);
  // Another instant with the same local time would have the offset of a day before or after.
  return [at - DAY_MS, at + DAY_MS].every((near) => {
    const other = local - offsetMs(near);
    return other === at || other + offsetMs(other) !== local;
  });
}
