import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {user.name.split(" ")[0]}</h1>
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
