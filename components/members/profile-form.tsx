"use client";
import { useActionState } from "react";
import { updateProfileAction } from "@/lib/members/actions";
import type { EditableProfile } from "@/lib/members/queries";
import { splitSkillList, uniqueSkills } from "@/lib/core/vocabulary";
import { fieldErrors, previousValue, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { BioField } from "./bio-field";
import { SkillPicker } from "./skill-picker";

type FormState = Awaited<ReturnType<typeof updateProfileAction>> | null;

/** After a failed save, the skills that were submitted (ticked chips and typed ones). */
function submittedSkills(state: FormState, name: "offered" | "wanted"): string[] | undefined {
  if (!state || state.ok || !state.values) return undefined;
  return uniqueSkills(
    splitSkillList(`${state.values[name] ?? ""},${state.values[`${name}Add`] ?? ""}`),
  );
}

export function ProfileForm({
  profile,
  teams,
  timeZones,
}: {
  profile: EditableProfile;
  teams: string[];
  timeZones: string[];
}) {
  const [state, action] = useActionState(updateProfileAction, null);
  const offered = submittedSkills(state, "offered") ?? profile.offered;
  const wanted = submittedSkills(state, "wanted") ?? profile.wanted;
  const bio = previousValue(state, "bio") ?? profile.bio;
  return (
    <form action={action} className="max-w-4xl space-y-6" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          name="name"
          label="Name"
          autoComplete="name"
          required
          defaultValue={profile.name}
          state={state}
        />
        <TextField
          name="title"
          label="Title"
          hint="Your role, for example Staff Engineer."
          autoComplete="organization-title"
          defaultValue={profile.title}
          state={state}
        />
        <div>
          <TextField
            name="team"
            label="Team"
            hint="Choose a team or type a new one."
            list="team-options"
            autoComplete="off"
            defaultValue={profile.team}
            state={state}
          />
          <datalist id="team-options">
            {teams.map((team) => (
              <option key={team} value={team} />
            ))}
          </datalist>
        </div>
        <SelectField
          name="timeZone"
          label="Time zone"
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
          defaultValue={profile.timeZone}
          state={state}
        />
      </div>
      <BioField key={bio} defaultValue={bio} errors={fieldErrors(state, "bio")} />
      <div className="grid gap-6 md:grid-cols-2">
        <SkillPicker
          key={`offered:${offered.join("\n")}`}
          name="offered"
          legend="Can teach"
          addLabel="Add a skill you can teach"
          initial={offered}
          errors={fieldErrors(state, "offered")}
        />
        <SkillPicker
          key={`wanted:${wanted.join("\n")}`}
          name="wanted"
          legend="Wants to learn"
          addLabel="Add a skill you want to learn"
          initial={wanted}
          errors={fieldErrors(state, "wanted")}
        />
      </div>
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
