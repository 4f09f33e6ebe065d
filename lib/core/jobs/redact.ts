// What an admin may read of a job's error: the message, never the stack or the job's data,
// with anything that could be a secret or a person's address blanked out.
const EMAIL = /[^\s<>"'@:;,()]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL_WITH_SECRET = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
const LONG_TOKEN = /\b[A-Za-z0-9_-]{32,}\b/g;
const MAX_LENGTH = 500;

/** Keeps scheme and host of a URL, drops credentials, path and query. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return "[link]";
  }
}

export function redactError(message: string): string {
  const redacted = message
    .replace(URL_WITH_SECRET, redactUrl)
    .replace(EMAIL, "[address]")
    .replace(LONG_TOKEN, "[token]")
    .replace(/\s+/g, " ")
    .trim();
  return redacted.length > MAX_LENGTH ? `${redacted.slice(0, MAX_LENGTH - 1)}…` : redacted;
}

/** The message of a failed job's stored output (pg-boss keeps a serialized error there). */
export function errorMessageOf(output: unknown): string {
  if (output && typeof output === "object" && "message" in output) {
    const { message } = output as { message: unknown };
    if (typeof message === "string") return message;
  }
  // pg-boss's own failures (a timed-out or abandoned job) wrap the error as { value: … }.
  if (output && typeof output === "object" && "value" in output) {
    return errorMessageOf((output as { value: unknown }).value);
  }
  return "The job failed without an error message.";
}
