import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_SIZE ??= "3";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
