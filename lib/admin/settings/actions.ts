"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";
import {
  updateAskSettings,
  updateOrganisationSettings,
  updateRecognitionSettings,
  updateSignUpSettings,
  updateSurveySettings,
} from "./update";

export async function updateSignUpSettingsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateSignUpSettings, {
    onSuccess: () => revalidatePath("/admin/settings"),
  });
}

export async function updateRecognitionSettingsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateRecognitionSettings, {
    onSuccess: () => revalidatePath("/admin/settings"),
  });
}

export async function updateSurveySettingsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateSurveySettings, {
    onSuccess: () => {
      revalidatePath("/admin/settings");
      revalidatePath("/insights", "layout");
    },
  });
}

export async function updateOrganisationSettingsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateOrganisationSettings, {
    onSuccess: () => revalidatePath("/admin", "layout"),
  });
}

export async function updateAskSettingsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, updateAskSettings, {
    onSuccess: () => revalidatePath("/admin/settings"),
  });
}
