// What notFound(), forbidden() and redirect() throw, read from the error's digest: the
// documented way Next.js tells them apart (public APIs give tests no `isRedirectError`).
const digestOf = (error: unknown): string | null =>
  typeof error === "object" &&
  error !== null &&
  "digest" in error &&
  typeof error.digest === "string"
    ? error.digest
    : null;

/** The HTTP status of a notFound() / forbidden() / unauthorized() error, or null. */
export function accessFallbackStatus(error: unknown): number | null {
  const [prefix, status] = digestOf(error)?.split(";") ?? [];
  return prefix === "NEXT_HTTP_ERROR_FALLBACK" ? Number(status) : null;
}

export const isAccessFallbackError = (error: unknown) => accessFallbackStatus(error) !== null;

/** Where a redirect() error sends the browser, or null. */
export function redirectTarget(error: unknown): string | null {
  const [prefix, , target] = digestOf(error)?.split(";") ?? [];
  return prefix === "NEXT_REDIRECT" && target !== undefined ? target : null;
}
