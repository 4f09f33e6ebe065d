import type { Locator, Page } from "@playwright/test";

/**
 * Clicks a button whose server action saves in the background (the page shows the result at
 * once), and waits for the action's answer: reloading before it would cancel the request.
 */
export async function clickAndSave(page: Page, button: Locator) {
  const saved = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.ok(),
  );
  await button.click();
  await saved;
}
