// @ts-check
// Limits shared by next.config.js (CommonJS) and the app's TypeScript (proxy.ts).

/**
 * The largest server action request body, in bytes: Next.js's serverActions.bodySizeLimit,
 * and the size proxy.ts refuses with a 413 before Next.js reads the body.
 */
const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

module.exports = { ACTION_BODY_LIMIT_BYTES };
