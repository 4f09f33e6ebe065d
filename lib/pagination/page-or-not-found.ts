import { notFound } from "next/navigation";
import { InvalidCursor } from "./cursor";

/** Awaits a list query; a malformed cursor in the URL becomes the 404 page. */
export async function pageOrNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof InvalidCursor) notFound();
    throw error;
  }
}
