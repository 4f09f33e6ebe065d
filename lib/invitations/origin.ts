import "server-only";
import { headers } from "next/headers";
import { requestOrigin } from "@/lib/core/auth/client-ip";

/** Where invitation links point: APP_URL when set, otherwise the address this request came to. */
export async function appOrigin(): Promise<string> {
  return requestOrigin(await headers());
}
