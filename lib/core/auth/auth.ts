// next-auth (Auth.js v5) wiring. Sessions are JWTs that carry only the member's id, the id
// of the session's server-side record and the session version; the record, role and status
// are read from the database on every request by ./session.ts. See
// docs/decisions/003-sessions.md and 011-sign-in-sessions.md.
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { db } from "@/lib/core/db/client";
import { env, oidcConfigured } from "@/lib/core/env";
import { signInSchema } from "./schemas";
import { clientIp, UNKNOWN_CLIENT } from "./client-ip";
import { verifyPasswordSignIn } from "./sign-in";
import { resolveOidcMember } from "./oidc";
import { createDecodeCache } from "./jwt-decode-cache";
import { endSessionOfToken, SESSION_MAX_AGE_SECONDS, startAuthSession } from "./auth-sessions";
import { authLogger } from "./logger";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}
class Deactivated extends CredentialsSignin {
  code = "deactivated";
}
class Unverified extends CredentialsSignin {
  code = "unverified";
}

const SIGN_IN_ERRORS = {
  invalid: InvalidCredentials,
  rate_limited: RateLimited,
  deactivated: Deactivated,
  unverified: Unverified,
};

export const OIDC_PROVIDER_ID = "oidc";

// Auth.js builds callback URLs from AUTH_URL when set, else from each request's Host
// header, which can differ between the steps of one sign-on (127.0.0.1 vs localhost) and
// break the provider's redirect_uri check. APP_URL is our one public-URL setting.
if (env.APP_URL && !process.env.AUTH_URL) process.env.AUTH_URL = env.APP_URL;

/** The server-side record of a sign-in, described from the request that signs in. */
async function recordSignIn(userId: string): Promise<string> {
  const request = await headers();
  const ip = clientIp(request);
  return startAuthSession(db, {
    userId,
    userAgent: request.get("user-agent"),
    ip: ip === UNKNOWN_CLIENT ? null : ip,
  });
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await verifyPasswordSignIn(db, {
          ...parsed.data,
          ip: clientIp(request.headers),
        });
        if (!result.ok) throw new SIGN_IN_ERRORS[result.reason]();
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ];
  if (oidcConfigured) {
    list.push({
      id: OIDC_PROVIDER_ID,
      name: env.OIDC_DISPLAY_NAME ?? "Single sign-on",
      type: "oidc",
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      checks: ["pkce", "state", "nonce"],
    });
  }
  return list;
}

const config: NextAuthConfig = {
  providers: providers(),
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Auth.js's own decode, remembered per session token (expiry re-checked on every use).
  jwt: { decode: createDecodeCache() },
  pages: { signIn: "/signin", error: "/signin" },
  logger: authLogger,
  events: {
    // Every way of signing out (the app's action, /auth/ended, Auth.js's own route) ends here.
    async signOut(message) {
      await endSessionOfToken(db, "token" in message ? message.token : null);
    },
  },
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const member = await resolveOidcMember(db, { account, profile });
      return member ? true : "/signin?error=sso_no_account";
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === OIDC_PROVIDER_ID) {
        const member = await resolveOidcMember(db, { account, profile });
        if (!member) return null;
        token.sub = member.id;
        token.sv = member.sessionVersion;
        token.sid = await recordSignIn(member.id);
      } else if (user?.id) {
        const member = await db.user.findUnique({
          where: { id: user.id },
          select: { sessionVersion: true },
        });
        token.sub = user.id;
        token.sv = member?.sessionVersion ?? 0;
        token.sid = await recordSignIn(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);
