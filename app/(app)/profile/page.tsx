import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getEditableProfile, listTeams } from "@/lib/members/queries";
import { timeZoneOptions } from "@/lib/members/time-zones";
import { ProfileForm } from "@/components/members/profile-form";

export const metadata: Metadata = { title: "Edit profile" };

export default async function ProfilePage() {
  const user = await requirePermission("update:profile:own");
  const [profile, teams] = await Promise.all([getEditableProfile(user.id), listTeams()]);
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
      <ProfileForm
        profile={profile}
        teams={teams.map((team) => team.name)}
        timeZones={timeZoneOptions(profile.timeZone)}
      />
    </div>
  );
}
