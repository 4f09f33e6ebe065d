"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnTheServer = () => "";

/**
 * A hidden `timeZone` field holding the browser's time zone, so a new account shows dates in
 * the member's own zone from the first page (the server drops anything that is not a zone;
 * without JavaScript the account starts in UTC, changeable on the profile).
 */
export function BrowserTimeZone() {
  const timeZone = useSyncExternalStore(never, browserZone, noZoneOnTheServer);
  return <input type="hidden" name="timeZone" value={timeZone} />;
}
