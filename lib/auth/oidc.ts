// Single sign-on with any OpenID Connect provider: an identity maps to a member through a
// linked Account, or (first time) through the provider's *verified* email address.
import type { Account, Profile } from "next-auth";
import type { Database } from "@/lib/db/create-client";
import { emailSchema } from "./schemas";

export async function resolveOidcMember(
  db: Database,
  { account, profile }: { account: Account; profile?: Profile },
): Promise<{ id: string; sessionVersion: number } | null> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { user: { select: { id: true, status: true, sessionVersion: true } } },
  });
  if (linked) return linked.user.status === "ACTIVE" ? linked.user : null;

  const email = emailSchema.safeParse(profile?.email);
  if (!email.success || profile?.email_verified !== true) return null;
  const member = await db.user.findUnique({
    where: { email: email.data },
    select: { id: true, status: true, sessionVersion: true, emailVerified: true },
  });
  if (!member || member.status !== "ACTIVE") return null;
  await db.$transaction([
    db.account.create({
      data: { userId: member.id, provider: account.provider, providerAccountId: account.providerAccountId },
    }),
    db.user.update({ where: { id: member.id }, data: { emailVerified: member.emailVerified ?? new Date() } }),
  ]);
  return { id: member.id, sessionVersion: member.sessionVersion };
}
