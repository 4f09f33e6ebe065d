import { notFound } from "next/navigation";

/**
 * The form a server action was called with. Every action is a public POST endpoint: called
 * with something else (JSON sent as text, no argument at all), it answers 404 as Next.js does
 * for an action it cannot take, instead of failing on the missing form (a 500 and a stack).
 */
export function requireFormData(formData: unknown): FormData {
  if (!(formData instanceof FormData)) notFound();
  return formData;
}

/**
 * FormData as a plain object for zod: single values as strings, repeated keys (checkbox
 * groups, multi-selects) as arrays. Next.js's internal `$ACTION` keys are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  requireFormData(formData);
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    result[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return result;
}
