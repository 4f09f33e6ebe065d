import Link from "next/link";
import type { SkillOption } from "@/lib/skills/queries";

/** Skills as chips, each linking to the directory filtered by that skill. */
export function SkillLinks({
  skills,
  kind,
}: {
  skills: SkillOption[];
  kind: "offered" | "wanted";
}) {
  const verb = kind === "offered" ? "teach" : "learn";
  return (
    <ul className="flex flex-wrap gap-2">
      {skills.map((skill) => (
        <li key={skill.slug}>
          <Link
            href={`/members?${new URLSearchParams({ [kind]: skill.slug })}`}
            className="inline-flex min-h-8 items-center rounded-full border border-brand-100 bg-brand-50 px-3 py-1 text-sm text-brand-800 no-underline hover:border-brand-600 hover:no-underline"
            title={`Members who ${kind === "offered" ? "can" : "want to"} ${verb} ${skill.name}`}
          >
            {skill.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
