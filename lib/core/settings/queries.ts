import "server-only";
import { db } from "@/lib/core/db/client";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { SETTINGS, type SettingKey, type SettingValue } from "./registry";

export async function getSetting<K extends SettingKey>(
  key: K,
  client: Database | TransactionClient = db,
): Promise<SettingValue<K>> {
  const row = await client.setting.findUnique({ where: { key } });
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function openSignUpEnabled(): Promise<boolean> {
  const [open, domains] = await Promise.all([
    getSetting("signup.open"),
    getSetting("signup.allowedDomains"),
  ]);
  return open && domains.length > 0;
}

/** Whether open sign-up admits this email: sign-up is on and its domain is allowed. */
export async function signUpAllowedFor(
  email: string,
  client: Database | TransactionClient = db,
): Promise<boolean> {
  const [open, domains] = await Promise.all([
    getSetting("signup.open", client),
    getSetting("signup.allowedDomains", client),
  ]);
  const domain = email.split("@")[1]?.toLowerCase();
  return open && !!domain && domains.includes(domain);
}

/** Both sign-up settings as stored (or their defaults), for the settings form and audit. */
export async function getSignUpSettings(
  client: Database | TransactionClient = db,
): Promise<{ open: boolean; allowedDomains: string[] }> {
  const [open, allowedDomains] = await Promise.all([
    getSetting("signup.open", client),
    getSetting("signup.allowedDomains", client),
  ]);
  return { open, allowedDomains };
}
