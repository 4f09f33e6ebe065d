// Single sign-on with any OpenID Connect provider. An identity maps to a member through a
// linked Account; the first time, through the provider's *verified* email address, and only
// to a member whose own address was verified here (invitation, admin:create, earlier SSO,
// the confirmation link mailed on open sign-up, a password reset or email change link).
// Otherwise an open sign-up account could squat a colleague's address and later receive
// their SSO sign-in. With no member yet, open sign-up (if it allows the domain) creates one.
import type { Account, Profile } from "next-auth";
import type { Database } from "@/lib/core/db/create-client";
import { recordAudit } from "@/lib/core/audit/record";
import { signUpAllowedFor } from "@/lib/core/settings/queries";
import { emailSchema } from "./schemas";

type SsoMember = { id: string; sessionVersion: number };

function verifiedEmail(profile?: Profile): string | null {
  if (profile?.email_verified !== true) return null;
  const email = emailSchema.safeParse(profile.email);
  return email.success ? email.data : null;
}

function displayName(profile: Profile | undefined, email: string): string {
  const name = typeof profile?.name === "string" ? profile.name.trim().slice(0, 80) : "";
  return name || email.split("@")[0]!;
}

async function linkExisting(
  db: Database,
  account: Account,
  email: string,
): Promise<SsoMember | null | undefined> {
  const member = await db.user.findUnique({
    where: { email },
    select: { id: true, status: true, sessionVersion: true, emailVerified: true },
  });
  if (!member) return undefined;
  if (member.status !== "ACTIVE" || !member.emailVerified) return null;
  await db.account.create({
    data: {
      userId: member.id,
      provider: account.provider,
      providerAccountId: account.providerAccountId,
    },
  });
  return { id: member.id, sessionVersion: member.sessionVersion };
}

async function signUpThroughSso(
  db: Database,
  account: Account,
  profile: Profile | undefined,
  email: string,
) {
  if (!(await signUpAllowedFor(email, db))) return null;
  return db.$transaction(async (tx) => {
    const member = await tx.user.create({
      data: { email, name: displayName(profile, email), emailVerified: new Date() },
      select: { id: true, sessionVersion: true, email: true, role: true },
    });
    await tx.account.create({
      data: {
        userId: member.id,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      },
    });
    await recordAudit(tx, {
      actorId: member.id,
      action: "member.signup",
      entityType: "User",
      entityId: member.id,
      after: { email: member.email, role: member.role, via: "sso" },
    });
    return { id: member.id, sessionVersion: member.sessionVersion };
  });
}

export async function resolveOidcMember(
  db: Database,
  { account, profile }: { account: Account; profile?: Profile },
): Promise<SsoMember | null> {
  const linked = await db.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      },
    },
    select: { user: { select: { id: true, status: true, sessionVersion: true } } },
  });
  if (linked) {
    const { id, status, sessionVersion } = linked.user;
    return status === "ACTIVE" ? { id, sessionVersion } : null;
  }

  const email = verifiedEmail(profile);
  if (!email) return null;
  const existing = await linkExisting(db, account, email);
  if (existing !== undefined) return existing;
  return signUpThroughSso(db, account, profile, email);
}
