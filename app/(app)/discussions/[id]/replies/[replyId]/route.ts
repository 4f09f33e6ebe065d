import { notFound, redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { findReplyLocation } from "@/lib/discussions/queries";

/** A reply's permanent link: redirects to the page of the thread that shows it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; replyId: string }> },
) {
  const viewer = await requirePermission("read:content:any");
  const { id, replyId } = await params;
  const location = await findReplyLocation(viewer, id, replyId);
  if (!location) notFound();
  redirect(location);
}
