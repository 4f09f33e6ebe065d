import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** Where invitation links point: APP_URL when set, otherwise the address this request came to. */
export async function appOrigin(): Promise<string> {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const h = await headers();
  const host =
    h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const protocol = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${protocol}://${host}`;
}
