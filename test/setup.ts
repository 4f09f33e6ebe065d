import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_SIZE ??= "3";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
// The chat-webhook tests post to receivers on 127.0.0.1, which the outbound guard refuses
// unless allow-listed. Every test process opts in (any of them may send a queued delivery);
// the tests of the refusal use other names for the same machine, or an explicit policy.
process.env.WEBHOOK_ALLOWED_HOSTS ??= "127.0.0.1";
// Uploads (and the demo seed's photos) go to a throwaway folder, not the checkout's .data.
process.env.UPLOAD_DIR ??= path.join(os.tmpdir(), "lc-test-uploads");
