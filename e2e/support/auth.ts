import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "learn-together-2026";
export const DEMO = {
  admin: { email: "admin@example.com", name: "Ada Admin" },
  leader: { email: "leader@example.com", name: "Leo Leader" },
  member: { email: "member@example.com", name: "Mia Member" },
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signInAs(page: Page, who: keyof typeof DEMO) {
  await signIn(page, DEMO[who].email);
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}
