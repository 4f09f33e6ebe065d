import type { Metadata } from "next";
import Link from "next/link";
import { RequestForm } from "@/components/knowledge-requests/request-form";
import { requirePermission } from "@/lib/core/auth/session";

export const metadata: Metadata = { title: "Ask for a post" };

export default async function NewRequestPage() {
  await requirePermission("create:discussion:any");
  return (
    <div className="space-y-4">
      <p>
        <Link href="/requests">Back to requests</Link>
      </p>
      <h1 className="text-2xl font-semibold">Ask for a knowledge post</h1>
      <RequestForm />
    </div>
  );
}
