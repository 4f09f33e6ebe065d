import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  FulfilForm,
  RouteRequestButton,
  VoteButton,
} from "@/components/knowledge-requests/request-actions";
import { MyAskSection } from "@/components/asks/my-ask";
import { requirePermission } from "@/lib/core/auth/session";
import { plural } from "@/lib/core/format";
import { cuidId } from "@/lib/core/ids";
import { getRequest } from "@/lib/knowledge-requests/queries";

export const metadata: Metadata = { title: "Knowledge request" };

const idSchema = cuidId("Not found");

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission("read:content:any");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const request = await getRequest(id.data, viewer.id);
  if (!request) notFound();
  const open = request.status === "OPEN";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/requests">Back to requests</Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{request.title}</h1>
        <p className="text-sm text-stone-600">
          Asked by {request.requesterName} · {plural(request.voteCount, "vote", "votes")}
          {request.tags.length ? ` · ${request.tags.map((t) => `#${t.name}`).join(" ")}` : ""}
        </p>
        {request.details ? <p className="whitespace-pre-line">{request.details}</p> : null}
      </div>
      {request.myAsk ? (
        <section
          aria-labelledby="asked-heading"
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 id="asked-heading" className="text-lg font-semibold">
            You were asked to help
          </h2>
          <MyAskSection
            myAsk={request.myAsk}
            open={open}
            what="request"
            answer={{ href: "/posts/new", label: "Write the post" }}
          />
        </section>
      ) : null}
      {request.fulfilledByPost ? (
        <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2">
          Fulfilled by{" "}
          <Link href={`/posts/${request.fulfilledByPost.id}`}>{request.fulfilledByPost.title}</Link>
        </p>
      ) : null}
      {open ? (
        <div className="space-y-4">
          <VoteButton requestId={request.id} voted={request.viewerVoted} />
          <RouteRequestButton requestId={request.id} />
          {request.viewerPosts.length ? (
            <FulfilForm requestId={request.id} posts={request.viewerPosts} />
          ) : (
            <p className="text-sm text-stone-700">
              Know this? <Link href="/posts/new">Write the post</Link>, then come back to fulfil the
              request with it.
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
