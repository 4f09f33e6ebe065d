import type { Metadata } from "next";
import { CommunityForm } from "@/components/communities/community-form";
import { requirePermission } from "@/lib/core/auth/session";

export const metadata: Metadata = { title: "New community" };

export default async function NewCommunityPage() {
  await requirePermission("create:community:any");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">New community</h1>
        <p className="text-stone-700">You will be its first lead; you can add more leads later.</p>
      </div>
      <CommunityForm />
    </div>
  );
}
