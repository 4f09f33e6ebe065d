import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { getSetting, getSignUpSettings } from "@/lib/settings/queries";
import { RecognitionSettingsForm } from "@/components/admin/recognition-settings-form";
import { SignUpSettingsForm } from "@/components/admin/sign-up-settings-form";
import { SurveySettingsForm } from "@/components/admin/survey-settings-form";

export const metadata: Metadata = { title: "Settings · Admin" };

export default async function AdminSettingsPage() {
  await requirePermission("update:settings:any");
  const [settings, dailyLimit, minResponses] = await Promise.all([
    getSignUpSettings(),
    getSetting("recognition.dailyLimit"),
    getSetting("surveys.minResponses"),
  ]);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section
        aria-labelledby="signup-heading"
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="signup-heading" className="text-lg font-semibold">
          Sign-up
        </h2>
        <p className="text-sm text-stone-700">
          Invitations always work. Open sign-up additionally lets people join by themselves, as
          Members.
        </p>
        <SignUpSettingsForm open={settings.open} allowedDomains={settings.allowedDomains} />
      </section>
      <section
        aria-labelledby="recognition-heading"
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="recognition-heading" className="text-lg font-semibold">
          Recognition
        </h2>
        <RecognitionSettingsForm dailyLimit={dailyLimit} />
      </section>
      <section
        aria-labelledby="surveys-heading"
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="surveys-heading" className="text-lg font-semibold">
          Pulse surveys
        </h2>
        <p className="text-sm text-stone-700">
          Answers are anonymous. To keep them so, results show only for groups with enough
          responses.
        </p>
        <SurveySettingsForm minResponses={minResponses} />
      </section>
    </div>
  );
}
