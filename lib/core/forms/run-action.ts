import { unstable_rethrow } from "next/navigation";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { failure, type ActionResult } from "./action-result";
import { DomainError, NotFound } from "./errors";

/**
 * Runs a server action's body and turns known failures into the one result type. Raw
 * exception text never reaches the client; Next.js redirects and not-found pass through.
 */
export async function runAction<T>(
  body: () => Promise<ActionResult<T>>,
  values?: Record<string, string>,
): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof PermissionDenied)
      return failure("You don't have permission to do that.", undefined, values);
    if (error instanceof NotFound) return failure(error.message, undefined, values);
    if (error instanceof DomainError) return failure(error.message, error.fieldErrors, values);
    console.error("Server action failed", error);
    return failure(
      "Something went wrong and nothing was saved. Please try again.",
      undefined,
      values,
    );
  }
}
