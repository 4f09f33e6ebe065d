// Absolute links in mail: APP_URL, or the local address `npm run dev` serves when unset.
export function appOrigin(): string {
  const configured = process.env.APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}

/** An absolute URL for a path on this site. */
export function absoluteUrl(path: string): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`Not a site path: ${path}`);
  return `${appOrigin()}${path}`;
}
