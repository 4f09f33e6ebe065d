import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { frequencyLabel, PREFERENCE_GROUPS, PREFERENCE_LABELS } from "@/lib/notifications/labels";
import { choicesFor, preferencesOf } from "@/lib/notifications/preferences";
import {
  PreferencesForm,
  type PreferenceGroupView,
} from "@/components/notifications/preferences-form";

export const metadata: Metadata = { title: "Notification preferences" };

// Overdue mentorships are only ever mailed to admins.
const ADMIN_ONLY = new Set(["reminder.pairing_overdue"]);

export default async function NotificationPreferencesPage() {
  const user = await requirePermission("update:notification:own");
  const preferences = await preferencesOf(db, user.id);
  const groups: PreferenceGroupView[] = PREFERENCE_GROUPS.map((group) => ({
    id: group.id,
    title: group.title,
    rows: group.kinds
      .filter((kind) => user.role === "ADMIN" || !ADMIN_ONLY.has(kind))
      .map((kind) => ({
        kind,
        label: PREFERENCE_LABELS[kind],
        choices: choicesFor(kind).map((value) => ({ value, label: frequencyLabel(kind, value) })),
        current: preferences[kind],
      })),
  })).filter((group) => group.rows.length > 0);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Notification preferences</h1>
        <p className="text-sm text-stone-700">
          Everything still shows in your{" "}
          <Link href="/notifications" className="underline">
            notifications
          </Link>{" "}
          in the app. Here you choose what also comes by email: right away (a few minutes later,
          several together, and not if you have already seen it), in a daily or weekly digest, or
          not at all. To hear about every reply in one discussion, watch it from the discussion; to
          hear nothing about a tag, mute it from the tag&apos;s page.
        </p>
      </div>
      <PreferencesForm groups={groups} />
    </div>
  );
}
