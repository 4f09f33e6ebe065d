import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "learn-together-2026";
export const DEMO = {
  admin: { email: "admin@example.com", name: "Ada Admin" },
  leader: { email: "leader@example.com", name: "Leo Leader" },
  member: { email: "member@example.com", name: "Mia Member" },
} as const;

/**
 * Seeded accounts that e2e/auth.setup.ts signs in once per run, saving each browser's session
 * for the tests that only need someone signed in (sign-in itself is tested in sign-in.spec.ts).
 * No test may sign these accounts out, change their password or deactivate them: that would
 * end the shared sessions. Tests that do such things use accounts of their own.
 */
export const SAVED_SESSION_ACCOUNTS = {
  ...DEMO,
  priya: { email: "priya.nair@example.com", name: "Priya Nair" },
  tomas: { email: "tomas.berg@example.com", name: "Tomás Berg" },
} as const;
export type SavedSessionAccount = keyof typeof SAVED_SESSION_ACCOUNTS;

// scripts/e2e.ts gives each run a folder of its own.
const SESSIONS_DIR = process.env.E2E_SESSIONS_DIR ?? path.join(os.tmpdir(), "lc-e2e-sessions");

export const savedSessionFile = (who: SavedSessionAccount) =>
  path.join(SESSIONS_DIR, `${who}.json`);

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in through the form and waits for the home page. */
export async function signInAs(page: Page, who: SavedSessionAccount) {
  await signIn(page, SAVED_SESSION_ACCOUNTS[who].email);
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
}

/**
 * Puts the account's saved session (see SAVED_SESSION_ACCOUNTS) into the page's browser
 * context: its next request is signed in. It does not navigate.
 */
export async function resumeSessionOf(page: Page, who: SavedSessionAccount) {
  const { cookies } = JSON.parse(readFileSync(savedSessionFile(who), "utf8"));
  await page.context().addCookies(cookies);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}
