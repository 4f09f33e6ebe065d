// The audit log links a community by its id; its page lives at its slug.
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/core/auth/session";
import { communitySlug } from "@/lib/communities/queries";

export default async function CommunityByIdPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const slug = await communitySlug((await params).id);
  if (!slug) notFound();
  redirect(`/communities/${slug}`);
}
