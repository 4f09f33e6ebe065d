"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { SimilarQuestion } from "@/lib/search/similar-questions";

const TYPING_PAUSE_MS = 300;

/** Worth looking up: three words, or ten characters of one or two long ones. */
function worthLooking(title: string): boolean {
  const text = title.trim();
  return text.length >= 10 || text.split(/\s+/).length >= 3;
}

async function fetchSimilar(title: string, signal: AbortSignal): Promise<SimilarQuestion[]> {
  const response = await fetch(`/api/discussions/similar?${new URLSearchParams({ q: title })}`, {
    signal,
  });
  if (!response.ok) return [];
  return ((await response.json()) as { questions: SimilarQuestion[] }).questions;
}

/** The questions like `title`, looked up once typing pauses (the last lookup wins). */
function useSimilar(title: string): SimilarQuestion[] {
  const [found, setFound] = useState<{ title: string; questions: SimilarQuestion[] }>({
    title: "",
    questions: [],
  });
  useEffect(() => {
    if (!worthLooking(title)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchSimilar(title, controller.signal)
        .then((questions) => setFound({ title, questions }))
        .catch(() => {
          // Aborted or offline: the suggestions are a convenience, asking still works.
        });
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [title]);
  return worthLooking(title) ? found.questions : [];
}

function countText(count: number): string {
  if (count === 0) return "";
  return count === 1 ? "1 similar question" : `${count} similar questions`;
}

/**
 * Existing questions and discussions like the title being typed, so a member can find an
 * answer before asking again. Announced politely by count ("3 similar questions") without
 * taking focus; the links open here, and the draft survives in the editor's autosave.
 */
export function SimilarQuestions({ title }: { title: string }) {
  const questions = useSimilar(title);
  return (
    <div>
      <p role="status" className="sr-only">
        {countText(questions.length)}
      </p>
      {questions.length > 0 ? (
        <section
          aria-labelledby="similar-questions-heading"
          className="rounded-md border border-stone-200 bg-stone-50 p-3"
        >
          <h2 id="similar-questions-heading" className="text-sm font-semibold text-stone-800">
            Similar questions already asked
          </h2>
          <ul className="mt-2 space-y-1.5">
            {questions.map((question) => (
              <li key={question.id} className="text-sm">
                <Link href={`/discussions/${question.id}`} prefetch={false}>
                  {question.title}
                </Link>{" "}
                <span className="text-stone-600">
                  {question.answered ? (
                    <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900">
                      Answered
                    </span>
                  ) : null}{" "}
                  {question.replyCount === 1 ? "1 reply" : `${question.replyCount} replies`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
