// Rebuilding a stale roll-up after the response, so that no reader waits for it.
import "server-only";
import { after } from "next/server";
import { refreshRollupIfStale, type RollupStatus } from "./rollup";

/** Call from a page or route that read `status`: schedules the rebuild if it is due. */
export function refreshRollupAfterResponse(status: RollupStatus): void {
  if (!status.stale) return;
  after(async () => {
    try {
      await refreshRollupIfStale();
    } catch (error) {
      console.error("Rebuilding the insights roll-up failed", error);
    }
  });
}
