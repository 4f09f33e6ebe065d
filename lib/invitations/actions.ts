"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { clientIp, rateLimitAddress } from "@/lib/core/auth/client-ip";
import { formValues, type ActionResult } from "@/lib/core/forms/action-result";
import { formDataToObject } from "@/lib/core/forms/form-data";
import { runAction } from "@/lib/core/forms/run-action";
import { submitToService } from "@/lib/core/forms/submit";
import { acceptInvitation } from "./accept";
import {
  createInvitation,
  resendInvitation,
  revokeInvitation,
  rotateInvitationLink,
  type IssuedInvitation,
} from "./manage";
import { appOrigin } from "./origin";
import { signUp } from "./sign-up";
import { invitationLink, type ShownInvitationLink } from "./tokens";

const SECRET_FIELDS = ["password", "confirmPassword", "token"];

function keepValues<T>(result: ActionResult<T>, values: Record<string, string>): ActionResult<T> {
  return result.ok ? result : { ...result, values };
}

/** The one time a link is shown: the raw token goes into the URL and nowhere else. */
async function withLink(
  result: ActionResult<IssuedInvitation>,
): Promise<ActionResult<ShownInvitationLink>> {
  if (!result.ok || !result.data) return result as ActionResult<never>;
  const { email, token, expiresAt } = result.data;
  return {
    ok: true,
    message: result.message,
    data: {
      email,
      link: invitationLink(await appOrigin(), token),
      expiresAt: expiresAt.toISOString(),
    },
  };
}

const refreshInvitations = () => revalidatePath("/admin/invitations");

export async function createInvitationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<ShownInvitationLink>> {
  return withLink(
    await submitToService(formData, createInvitation, { onSuccess: refreshInvitations }),
  );
}

export async function rotateInvitationLinkAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<ShownInvitationLink>> {
  return withLink(
    await submitToService(formData, rotateInvitationLink, { onSuccess: refreshInvitations }),
  );
}

export async function resendInvitationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, resendInvitation, { onSuccess: refreshInvitations });
}

export async function revokeInvitationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, revokeInvitation, { onSuccess: refreshInvitations });
}

export async function acceptInvitationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const values = formValues(formData, SECRET_FIELDS);
  const result = await runAction(
    async () => keepValues(await acceptInvitation(formDataToObject(formData)), values),
    values,
  );
  if (result.ok) redirect("/signin?reason=welcome");
  return result;
}

export async function signUpAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, SECRET_FIELDS);
  const result = await runAction(async () => {
    const ip = rateLimitAddress(clientIp(await headers()));
    return keepValues(await signUp(formDataToObject(formData), { ip }), values);
  }, values);
  if (result.ok) redirect("/signin?reason=checkEmail");
  return result;
}
