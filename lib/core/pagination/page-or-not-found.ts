import { notFound } from "next/navigation";
import type { z } from "zod";
import { InvalidCursor } from "./cursor";
import { firstValues, hasControlValues, type SearchParams } from "./search-params";

/** Awaits a list query; a malformed cursor in the URL becomes the 404 page. */
export async function pageOrNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof InvalidCursor) notFound();
    throw error;
  }
}

/**
 * A list page's URL query: the raw first values (to build links that keep the filters) and
 * the same parsed by the page's schema. A query the schema refuses, or holding a control
 * character anywhere, is the 404 page.
 */
export async function listQueryOrNotFound<T>(
  searchParams: Promise<SearchParams>,
  schema: z.ZodType<T>,
): Promise<{ query: Record<string, string | undefined>; params: T }> {
  const raw = await searchParams;
  if (hasControlValues(raw)) notFound();
  const query = firstValues(raw);
  const parsed = schema.safeParse(query);
  if (!parsed.success) notFound();
  return { query, params: parsed.data };
}
