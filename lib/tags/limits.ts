// Tag limits, shared by the schemas and the tag input in the browser (no zod here: see
// test/client-bundle.test.ts).
export const TAG_LIMITS = { perItem: 5, nameLength: 30 } as const;
