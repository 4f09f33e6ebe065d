// One-click unsubscribe tokens (RFC 8058): random, stored hashed, bound to one member and one
// scope (a notification kind, "digest", "discussion:<id>" or "tag:<id>"), kept so that a
// click in an old mail still works. What a scope turns off is the notifications domain's.
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { absoluteUrl } from "./links";
import { hashLinkToken, looksLikeLinkToken, newLinkToken } from "./tokens";

export const UNSUBSCRIBE_PATH = "/email/unsubscribe";

export async function createUnsubscribeUrl(
  client: Database | TransactionClient,
  userId: string,
  scope: string,
): Promise<string> {
  const { token, tokenHash } = newLinkToken();
  await client.unsubscribeToken.create({ data: { tokenHash, userId, scope } });
  return absoluteUrl(`${UNSUBSCRIBE_PATH}/${token}`);
}

export async function findUnsubscribeToken(
  client: Database | TransactionClient,
  token: string,
): Promise<{ id: string; userId: string; scope: string; usedAt: Date | null } | null> {
  if (!looksLikeLinkToken(token)) return null;
  return client.unsubscribeToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { id: true, userId: true, scope: true, usedAt: true },
  });
}
