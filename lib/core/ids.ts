// Record ids (Prisma cuids) as they arrive from forms, URL segments and page cursors, declared
// once, on formId() (lib/core/forms/text.ts): trimmed, present, at most 40 characters and without
// control characters, so that a crafted id names nothing instead of causing a database error.
import { formId } from "@/lib/core/forms/text";

export const idSchema = formId();
