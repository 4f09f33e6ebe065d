// Single-use links mailed to a member (password reset, address verification, address change).
// Only the SHA-256 of a token is stored; the raw token exists only inside the mail job that
// creates it (never in job data) and in the mail itself.
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { hashLinkToken, looksLikeLinkToken, newLinkToken } from "@/lib/core/mail/tokens";

const HOUR_MS = 60 * 60 * 1000;

export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  PASSWORD_RESET: HOUR_MS,
  EMAIL_VERIFICATION: 24 * HOUR_MS,
  EMAIL_CHANGE: 24 * HOUR_MS,
};

/** The path each kind of link opens, followed by the token. */
export const TOKEN_PATHS: Record<AccountTokenPurpose, string> = {
  PASSWORD_RESET: "/reset-password",
  EMAIL_VERIFICATION: "/verify-email",
  EMAIL_CHANGE: "/confirm-email",
};

type Client = Database | TransactionClient;

export async function issueAccountToken(
  client: Client,
  input: { userId: string; purpose: AccountTokenPurpose; email: string },
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MS[input.purpose]);
  await client.accountToken.create({ data: { ...input, tokenHash, expiresAt } });
  return { token, expiresAt };
}

export type AccountTokenLookup =
  | { state: "valid"; id: string; userId: string; email: string; expiresAt: Date }
  | { state: "unknown" | "expired" | "used" };

/** What a link's page shows for the token in its URL; never throws on a bad token. */
export async function findAccountToken(
  client: Client,
  token: string,
  purpose: AccountTokenPurpose,
): Promise<AccountTokenLookup> {
  if (!looksLikeLinkToken(token)) return { state: "unknown" };
  const row = await client.accountToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      userId: true,
      email: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { status: true } },
    },
  });
  if (!row || row.purpose !== purpose || row.user.status !== "ACTIVE") return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= new Date()) return { state: "expired" };
  return {
    state: "valid",
    id: row.id,
    userId: row.userId,
    email: row.email,
    expiresAt: row.expiresAt,
  };
}

/**
 * Marks the token used if it still is usable: one conditional update, so of two clicks at
 * the same moment exactly one wins.
 */
export async function consumeAccountToken(tx: TransactionClient, id: string): Promise<boolean> {
  const { count } = await tx.accountToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/** Every other unused link of this kind stops working (a newer one, or the job is done). */
export async function retireAccountTokens(
  tx: TransactionClient,
  userId: string,
  purpose: AccountTokenPurpose,
): Promise<void> {
  await tx.accountToken.updateMany({
    where: { userId, purpose, usedAt: null },
    data: { usedAt: new Date() },
  });
}

/**
 * One kind of link, as a flow that acts on it uses it: `find` it (what its page shows), then,
 * inside the flow's transaction, `redeem` it: used once (false when another click won), and
 * every other link of the kind the member still holds stops working with it.
 */
export function accountTokens(purpose: AccountTokenPurpose) {
  return {
    find: (client: Client, token: string) => findAccountToken(client, token, purpose),
    async redeem(tx: TransactionClient, found: { id: string; userId: string }): Promise<boolean> {
      if (!(await consumeAccountToken(tx, found.id))) return false;
      await retireAccountTokens(tx, found.userId, purpose);
      return true;
    },
  };
}

export const TOKEN_PROBLEMS: Record<Exclude<AccountTokenLookup["state"], "valid">, string> = {
  unknown: "This link is not valid. Check that you opened the whole link from the email.",
  expired: "This link has expired.",
  used: "This link was already used.",
};
