import { expect, type Page } from "@playwright/test";

export const stamp = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

export async function invite(page: Page, email: string, role: "Member" | "Leader" | "Admin") {
  await page.goto("/admin/invitations");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = page.getByTestId("invitation-link");
  await expect(link).toBeVisible();
  return link.inputValue();
}

export async function acceptInvitation(page: Page, link: string, name: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join Learning Commons" })).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/signin\?reason=welcome/);
}
