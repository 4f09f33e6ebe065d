import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/core/auth/session";
import { getEditableProfile, listTeams } from "@/lib/members/queries";
import { timeZoneOptions } from "@/lib/members/time-zones";
import { ProfileForm } from "@/components/members/profile-form";
import { ProfilePhotoForm } from "@/components/members/profile-photo-form";
import { MentoringPreferencesForm } from "@/components/mentorship/preferences-form";
import { getMentorshipProfile } from "@/lib/mentorship/preferences";

export const metadata: Metadata = { title: "Edit profile" };

export default async function ProfilePage() {
  const user = await requirePermission("update:profile:own");
  const [profile, teams, mentoring] = await Promise.all([
    getEditableProfile(user.id),
    listTeams(),
    getMentorshipProfile(user.id),
  ]);
  if (!profile) notFound();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Edit profile</h1>
        <p className="text-stone-700">
          Colleagues see this on <Link href={`/members/${user.id}`}>your profile</Link> and find you
          by it in the directory.
        </p>
      </div>
      <ProfilePhotoForm name={profile.name} avatarId={profile.avatarId} />
      <section
        aria-labelledby="details-heading"
        className="max-w-4xl space-y-4 border-t border-stone-200 pt-6"
      >
        <h2 id="details-heading" className="text-lg font-semibold">
          About you
        </h2>
        <ProfileForm
          profile={profile}
          teams={teams.map((team) => team.name)}
          timeZones={timeZoneOptions(profile.timeZone)}
        />
      </section>
      <section
        id="mentoring"
        aria-labelledby="mentoring-heading"
        className="max-w-4xl scroll-mt-4 space-y-4 border-t border-stone-200 pt-6"
      >
        <div className="space-y-1">
          <h2 id="mentoring-heading" className="text-lg font-semibold">
            Mentoring
          </h2>
          <p className="text-stone-700">
            The skills you offer and want come from &ldquo;Can teach&rdquo; and &ldquo;Wants to
            learn&rdquo; above (saved with the profile); admins use them to suggest mentors. Your
            mentorships are on the <Link href="/mentorship">Mentoring</Link> page.
          </p>
        </div>
        <MentoringPreferencesForm initial={mentoring} />
      </section>
    </div>
  );
}
