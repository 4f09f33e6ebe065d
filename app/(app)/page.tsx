import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { findTeachersFor } from "@/lib/members/queries";
import { MemberCard } from "@/components/members/member-card";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser();
  const teachers = await findTeachersFor(user.id);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Welcome, {user.name.split(" ")[0]}</h1>
      <section aria-labelledby="teachers-heading" className="space-y-3">
        <h2 id="teachers-heading" className="text-lg font-semibold">
          Colleagues who can teach what you want to learn
        </h2>
        {teachers.length ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {teachers.map((teacher) => (
              <li key={teacher.id}>
                <MemberCard
                  member={teacher}
                  note={`Can help with ${teacher.matching.join(", ")}`}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-700">
            Nobody yet. <Link href="/profile">Add what you want to learn to your profile</Link> and
            we&apos;ll show who can teach it.
          </p>
        )}
      </section>
      <section
        aria-labelledby="start-heading"
        className="rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="start-heading" className="text-lg font-semibold">
          Get started
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <Link href="/profile">
              Tell colleagues what you can teach and what you want to learn
            </Link>
          </li>
          <li>
            <Link href="/members">Find someone who knows what you want to learn</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
