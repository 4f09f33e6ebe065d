import type { ReactNode } from "react";
import type { KnowledgePostType } from "@/lib/generated/prisma/enums";
import { POST_TYPE_LABELS } from "@/lib/posts/types";

const TONES = {
  type: "border-brand-600 bg-brand-50 text-brand-800",
  draft: "border-stone-400 bg-stone-100 text-stone-800",
  hidden: "border-red-300 bg-red-50 text-red-900",
  pinned: "border-sky-300 bg-sky-50 text-sky-900",
  due: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

export function Badge({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

export function PostBadges({
  type,
  draft,
  hidden,
  pinned,
  reviewDue,
}: {
  type: KnowledgePostType;
  draft?: boolean;
  hidden?: boolean;
  pinned?: boolean;
  reviewDue?: boolean;
}) {
  return (
    <p className="flex flex-wrap gap-1.5">
      <Badge tone="type">{POST_TYPE_LABELS[type]}</Badge>
      {draft ? <Badge tone="draft">Draft</Badge> : null}
      {hidden ? <Badge tone="hidden">Hidden</Badge> : null}
      {pinned ? <Badge tone="pinned">Pinned</Badge> : null}
      {reviewDue ? <Badge tone="due">Needs review</Badge> : null}
    </p>
  );
}
