// Stands in for `server-only` outside Next.js (see server-only-preload.cjs).
