import { test as base } from "@playwright/test";

export { expect } from "@playwright/test";

/**
 * Playwright's test, closing after each test the browser contexts the test opened itself
 * (browser.newContext(), browser.newPage()). Left open, they stay alive in the worker's browser
 * for the rest of the run, and Playwright restarts their tracing at every later test.
 */
export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      await use();
      await Promise.all(browser.contexts().map((context) => context.close()));
    },
    { auto: true },
  ],
});
