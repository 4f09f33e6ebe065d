"use client";
import { lazy, Suspense, useState, useSyncExternalStore } from "react";

const TimeZoneOffer = lazy(() => import("./time-zone-offer"));

const KEPT_KEY = "lc:time-zone-kept";
const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnTheServer = () => "";
const keptPair = () => window.localStorage.getItem(KEPT_KEY) ?? "";
const nothingKeptOnTheServer = () => "";

/**
 * Offers the browser's time zone while the profile still has the UTC every account starts
 * with. The offer's code loads only for those who are offered it; once shown it stays
 * mounted, so that it can say the zone was saved after the profile changed.
 */
export function TimeZonePrompt({ profileZone }: { profileZone: string }) {
  const browser = useSyncExternalStore(never, browserZone, noZoneOnTheServer);
  const kept = useSyncExternalStore(never, keptPair, nothingKeptOnTheServer);
  const [shown, setShown] = useState(false);
  // Every account starts in UTC until a zone is chosen (single sign-on, no JavaScript at
  // sign-up); a zone the member chose is not second-guessed.
  const offered =
    profileZone === "UTC" && browser !== "" && browser !== "UTC" && kept !== `UTC|${browser}`;
  if (offered && !shown) setShown(true);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <TimeZoneOffer
        profileZone={profileZone}
        browser={browser}
        onKeep={() => window.localStorage.setItem(KEPT_KEY, `${profileZone}|${browser}`)}
      />
    </Suspense>
  );
}
