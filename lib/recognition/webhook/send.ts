// One POST to the chat webhook, bounded by a timeout. Never throws: the outcome says what
// happened, in words an admin can act on (the URL itself is never repeated, it is a secret).
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export const SEND_TIMEOUT_MS = 5_000;
const ERROR_MAX = 500;

export type SendOutcome =
  { ok: true; status: number } | { ok: false; status: number | null; error: string };

export interface SendOptions {
  fetchImpl?: FetchLike;
  timeoutMs?: number;
}

async function responseSnippet(response: Response): Promise<string> {
  try {
    const body = (await response.text()).replace(/\s+/g, " ").trim();
    return body ? `: ${body.slice(0, 200)}` : "";
  } catch {
    return "";
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `No answer within ${timeoutMs / 1000} seconds.`;
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code) return `Could not reach the chat service (${cause.code}).`;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not reach the chat service: ${message}`.slice(0, ERROR_MAX);
}

export async function postToChat(
  url: string,
  body: unknown,
  { fetchImpl = fetch, timeoutMs = SEND_TIMEOUT_MS }: SendOptions = {},
): Promise<SendOutcome> {
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      // A webhook that redirects is misconfigured; following it could post somewhere else.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel();
      return { ok: true, status: response.status };
    }
    const error = `The chat service answered HTTP ${response.status}${await responseSnippet(response)}`;
    return { ok: false, status: response.status, error: error.slice(0, ERROR_MAX) };
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error, timeoutMs) };
  }
}
