import "server-only";
import { requireUser, type CurrentUser } from "@/lib/core/auth/session";
import { formValues, type ActionResult } from "./action-result";
import { formDataToObject } from "./form-data";
import { runAction } from "./run-action";

type Service<T> = (
  actor: CurrentUser,
  input: Record<string, string | string[]>,
) => Promise<ActionResult<T>>;

/**
 * The body of a signed-in form's server action: the acting member from the database, the
 * form as a plain object for the service (which authorises and validates), `onSuccess`
 * (revalidation) when it worked, and the typed values back when it did not.
 */
export async function submitToService<T>(
  formData: FormData,
  service: Service<T>,
  options: { onSuccess?: (result: ActionResult<T>) => void; secretFields?: string[] } = {},
): Promise<ActionResult<T>> {
  const values = formValues(formData, options.secretFields);
  return runAction(async () => {
    const result = await service(await requireUser(), formDataToObject(formData));
    if (!result.ok) return { ...result, values: result.values ?? values };
    options.onSuccess?.(result);
    return result;
  }, values);
}
