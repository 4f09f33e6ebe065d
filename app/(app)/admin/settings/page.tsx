import type { Metadata } from "next";
import { requirePermission } from "@/lib/core/auth/session";
import { getSetting, getSignUpSettings } from "@/lib/core/settings/queries";
import { NumberSettingForm } from "@/components/admin/number-setting-form";
import { SignUpSettingsForm } from "@/components/admin/sign-up-settings-form";
import { AskSettingsForm } from "@/components/admin/ask-settings-form";
import { OrganisationNameForm } from "./organisation-name-form";
import {
  updateRecognitionSettingsAction,
  updateSurveySettingsAction,
} from "@/lib/admin/settings/actions";

export const metadata: Metadata = { title: "Settings · Admin" };

export default async function AdminSettingsPage() {
  await requirePermission("update:settings:any");
  const [organisation, settings, dailyLimit, minResponses, routeAfterHours, weeklyCap] =
    await Promise.all([
      getSetting("organisation.name"),
      getSignUpSettings(),
      getSetting("recognition.dailyLimit"),
      getSetting("surveys.minResponses"),
      getSetting("asks.routeAfterHours"),
      getSetting("asks.weeklyCapPerMember"),
    ]);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section
        aria-labelledby="organisation-heading"
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="organisation-heading" className="text-lg font-semibold">
          Organisation
        </h2>
        <OrganisationNameForm name={organisation} />
      </section>
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
        <NumberSettingForm
          action={updateRecognitionSettingsAction}
          name="dailyLimit"
          label="Recognitions a member can give per day"
          hint="Against spam: from 1 to 100. Counted per giver, from midnight UTC."
          min={1}
          max={100}
          value={dailyLimit}
          submitText="Save limit"
        />
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
        <NumberSettingForm
          action={updateSurveySettingsAction}
          name="minResponses"
          label="Responses a group needs before its results show"
          hint="From 3 to 50. Applies to the whole organisation and to each team: a smaller group's results, free-text answers and even its number of responses stay hidden."
          min={3}
          max={50}
          value={minResponses}
          submitText="Save threshold"
        />
      </section>
      <section
        aria-labelledby="asks-heading"
        className="space-y-4 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="asks-heading" className="text-lg font-semibold">
          Asking colleagues
        </h2>
        <p className="text-sm text-stone-700">
          An unanswered question is routed to up to three members likely to know, with the reasons,
          spread fairly among them.
        </p>
        <AskSettingsForm routeAfterHours={routeAfterHours} weeklyCapPerMember={weeklyCap} />
      </section>
    </div>
  );
}
