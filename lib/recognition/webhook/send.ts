// One POST to the chat webhook, bounded by a timeout. Never throws: the outcome says what
// happened, in words an admin can act on (the URL itself is never repeated, it is a secret).
// The request goes through lib/core/net/outbound: an address on a loopback, private, link-local or
// other internal network is refused before any connection, unless the operator allow-listed
// its host (WEBHOOK_ALLOWED_HOSTS); a refusal says only that, never what the host resolved to.
import { env } from "@/lib/core/env";
import { outboundRequest, parseAllowedHosts, type OutboundPolicy } from "@/lib/core/net/outbound";

export const SEND_TIMEOUT_MS = 5_000;
const ERROR_MAX = 500;

/** What a refused delivery or test message says: no more than that it was refused. */
export const REFUSED_MESSAGE =
  "Refused: this address leads to a private or internal network, which the app does not post to.";

export type SendOutcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string; refused?: true };

export interface SendOptions {
  timeoutMs?: number;
  /** Which hosts are trusted and how names resolve; by default WEBHOOK_ALLOWED_HOSTS and DNS. */
  policy?: OutboundPolicy;
}

/** The operator's allow-list from the environment, with the system's DNS. */
export function webhookPolicy(): OutboundPolicy {
  return { allowedHosts: parseAllowedHosts(env.WEBHOOK_ALLOWED_HOSTS) };
}

function snippet(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  return text ? `: ${text.slice(0, 200)}` : "";
}

function describeFailure(error: Error, timeoutMs: number): string {
  if (error.name === "TimeoutError" || error.name === "AbortError")
    return `No answer within ${timeoutMs / 1000} seconds.`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code) return `Could not reach the chat service (${code}).`;
  return `Could not reach the chat service: ${error.message}`.slice(0, ERROR_MAX);
}

export async function postToChat(
  url: string,
  body: unknown,
  { timeoutMs = SEND_TIMEOUT_MS, policy = webhookPolicy() }: SendOptions = {},
): Promise<SendOutcome> {
  const result = await outboundRequest(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    timeoutMs,
    policy,
  });
  if (result.kind === "refused")
    return { ok: false, status: null, error: REFUSED_MESSAGE, refused: true };
  if (result.kind === "failed")
    return { ok: false, status: null, error: describeFailure(result.error, timeoutMs) };
  if (result.status >= 200 && result.status < 300) return { ok: true, status: result.status };
  // A webhook that redirects is misconfigured; following it could post somewhere else.
  const moved = result.status >= 300 && result.status < 400 ? " (redirects are not followed)" : "";
  const error = `The chat service answered HTTP ${result.status}${moved}${snippet(result.body)}`;
  return { ok: false, status: result.status, error: error.slice(0, ERROR_MAX) };
}
