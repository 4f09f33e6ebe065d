import { expect, test as setup } from "@playwright/test";
import {
  SAVED_SESSION_ACCOUNTS,
  savedSessionFile,
  signInAs,
  type SavedSessionAccount,
} from "./support/auth";

// Runs before both lanes (the "setup" project): one sign-in per account for the whole run,
// instead of one per test. Each test still gets a browser context of its own.
for (const who of Object.keys(SAVED_SESSION_ACCOUNTS) as SavedSessionAccount[]) {
  setup(`sign in once as ${who}`, async ({ page }) => {
    await signInAs(page, who);
    await expect(
      page.getByRole("button", { name: `Account menu for ${SAVED_SESSION_ACCOUNTS[who].name}` }),
    ).toBeVisible();
    await page.context().storageState({ path: savedSessionFile(who) });
  });
}
