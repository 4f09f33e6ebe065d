/**
 * FormData as a plain object for zod: single values as strings, repeated keys (checkbox
 * groups, multi-selects) as arrays. Next.js's internal `$ACTION` keys are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    result[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return result;
}
