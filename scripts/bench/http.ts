// Talking to the app over HTTP like a browser: cookies, and the Auth.js credentials flow.

/** Just enough of a cookie jar for one host: name → value, updated from Set-Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  absorb(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const separator = pair!.indexOf("=");
      if (separator <= 0) continue;
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      if (value === "" || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(pattern: RegExp) {
    return [...this.cookies.keys()].some((name) => pattern.test(name));
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export class SignInFailed extends Error {}

/**
 * Signs in with email and password as the sign-in form does (GET /api/auth/csrf, then POST
 * /api/auth/callback/credentials with the CSRF token and its cookie) and returns the Cookie
 * header of the signed-in session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(new URL("/api/auth/csrf", baseUrl));
  if (!csrfResponse.ok) {
    throw new SignInFailed(
      `GET /api/auth/csrf answered ${csrfResponse.status}. Is the app running at ${baseUrl}?`,
    );
  }
  jar.absorb(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken?: string };
  if (!csrfToken) throw new SignInFailed("GET /api/auth/csrf returned no csrfToken.");

  const response = await fetch(new URL("/api/auth/callback/credentials", baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({
      email,
      password,
      csrfToken,
      callbackUrl: new URL("/", baseUrl).href,
    }),
  });
  jar.absorb(response);
  const location = response.headers.get("location") ?? "";
  if (!jar.has(/session-token/) || /[?&]error=/.test(location)) {
    throw new SignInFailed(
      `Signing in as ${email} failed (HTTP ${response.status}${location ? `, redirected to ${location}` : ""}). ` +
        "Check the account exists (npm run bench:seed creates bench@example.com and bench-leader@example.com) and the password.",
    );
  }
  return jar.header();
}
