// Opening a notification: marks it read, then goes where it points. Someone else's, an
// unknown or a malformed id is a 404.
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { openNotification } from "@/lib/notifications/mark-read";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const href = await openNotification(user, (await params).id);
  if (!href) notFound();
  redirect(href);
}
