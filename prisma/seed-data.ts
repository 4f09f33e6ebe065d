// Demo data for a first run: teams, a skill vocabulary, and members (including one demo
// account per role). Idempotent: running it again changes nothing.
import type { Database } from "@/lib/core/db/create-client";
import type { Role, SkillKind } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/core/auth/password";
import { normaliseSkillName, skillSlug } from "@/lib/core/vocabulary";
import { seedDemoAvatars } from "./seed-avatars";
import { seedDemoContent } from "./seed-content";
import { seedDemoMentorship } from "./seed-mentorship";
import { seedDemoSessions } from "./seed-sessions";
import { seedDemoCommunities } from "./seed-communities";

export const DEMO_PASSWORD = "learn-together-2026";

export const DEMO_ACCOUNTS = [
  {
    email: "admin@example.com",
    name: "Ada Admin",
    role: "ADMIN",
    title: "People Operations Lead",
    team: "People & Culture",
  },
  {
    email: "leader@example.com",
    name: "Leo Leader",
    role: "LEADER",
    title: "Engineering Manager",
    team: "Engineering",
  },
  {
    email: "member@example.com",
    name: "Mia Member",
    role: "MEMBER",
    title: "Software Engineer",
    team: "Engineering",
  },
] as const;

const TEAMS = ["Engineering", "Design", "Product", "People & Culture", "Customer Success", "Data"];

const SKILLS = [
  "TypeScript",
  "React",
  "PostgreSQL",
  "Accessibility",
  "Facilitation",
  "Public speaking",
  "User research",
  "Product discovery",
  "Data analysis",
  "SQL",
  "Python",
  "Kubernetes",
  "Technical writing",
  "Coaching",
  "Negotiation",
  "Figma",
  "Incident response",
  "Observability",
  "Security",
  "Mentoring",
];

interface DemoMember {
  email: string;
  name: string;
  role: Role;
  title: string;
  team: string;
  bio?: string;
  offers?: string[];
  wants?: string[];
  timeZone?: string;
}

const MEMBERS: DemoMember[] = [
  {
    ...DEMO_ACCOUNTS[0],
    bio: "I look after how we learn together: onboarding, mentoring and our learning sessions.",
    offers: ["Facilitation", "Coaching", "Mentoring"],
    wants: ["Data analysis"],
  },
  {
    ...DEMO_ACCOUNTS[1],
    bio: "I run our engineering retrospectives. Ask me about **incident reviews** that don't assign blame.",
    offers: ["Incident response", "Kubernetes", "Coaching"],
    wants: ["Public speaking", "Product discovery"],
    timeZone: "Europe/London",
  },
  {
    ...DEMO_ACCOUNTS[2],
    bio: "Front-end developer. Currently learning how to make our forms accessible.",
    offers: ["React", "TypeScript"],
    wants: ["Accessibility", "PostgreSQL"],
    timeZone: "Europe/Berlin",
  },
  {
    email: "priya.nair@example.com",
    name: "Priya Nair",
    role: "MEMBER",
    title: "Staff Engineer",
    team: "Engineering",
    bio: "Databases, performance, and writing things down.",
    offers: ["PostgreSQL", "SQL", "Observability", "Technical writing"],
    wants: ["Facilitation"],
    timeZone: "Asia/Kolkata",
  },
  {
    email: "tomas.berg@example.com",
    name: "Tomás Berg",
    role: "MEMBER",
    title: "Product Designer",
    team: "Design",
    bio: "Design systems and research.",
    offers: ["Figma", "User research", "Accessibility"],
    wants: ["React"],
    timeZone: "Europe/Stockholm",
  },
  {
    email: "grace.okafor@example.com",
    name: "Grace Okafor",
    role: "LEADER",
    title: "Head of Product",
    team: "Product",
    bio: "Product discovery, and saying no kindly.",
    offers: ["Product discovery", "Public speaking", "Negotiation"],
    wants: ["SQL"],
    timeZone: "Africa/Lagos",
  },
  {
    email: "sam.chen@example.com",
    name: "Sam Chen",
    role: "MEMBER",
    title: "Data Analyst",
    team: "Data",
    offers: ["Data analysis", "Python", "SQL"],
    wants: ["Public speaking", "Technical writing"],
    timeZone: "America/Toronto",
  },
  {
    email: "lucia.romero@example.com",
    name: "Lucía Romero",
    role: "MEMBER",
    title: "Customer Success Manager",
    team: "Customer Success",
    offers: ["Negotiation", "Facilitation"],
    wants: ["Data analysis", "Figma"],
    timeZone: "America/Mexico_City",
  },
  {
    email: "jonas.weber@example.com",
    name: "Jonas Weber",
    role: "MEMBER",
    title: "Security Engineer",
    team: "Engineering",
    offers: ["Security", "Kubernetes"],
    wants: ["Mentoring", "Coaching"],
    timeZone: "Europe/Berlin",
  },
  {
    email: "aiko.tanaka@example.com",
    name: "Aiko Tanaka",
    role: "MEMBER",
    title: "UX Researcher",
    team: "Design",
    offers: ["User research", "Facilitation"],
    wants: ["Python"],
    timeZone: "Asia/Tokyo",
  },
];

/** The company values recognitions are given for; admins change them at /admin/values. */
export const DEFAULT_VALUES = [
  {
    slug: "shares-knowledge",
    name: "Shares knowledge",
    emoji: "📚",
    colour: "brand",
    description: "Writes down what they know so that others don't have to rediscover it.",
  },
  {
    slug: "learns-out-loud",
    name: "Learns out loud",
    emoji: "📣",
    colour: "sky",
    description: "Shares what they are learning, questions and mistakes included.",
  },
  {
    slug: "lifts-others",
    name: "Lifts others",
    emoji: "🙌",
    colour: "violet",
    description: "Makes time to help, teach and encourage the people around them.",
  },
  {
    slug: "stays-curious",
    name: "Stays curious",
    emoji: "🔍",
    colour: "amber",
    description: "Asks why, tries new things and follows a question to its answer.",
  },
  {
    slug: "collaborates",
    name: "Collaborates",
    emoji: "🤝",
    colour: "teal",
    description: "Works across teams and makes shared work better than solo work.",
  },
] as const;

/**
 * Values are vocabulary, seeded in production too. Existing ones are left as they are, so an
 * admin's renaming, reordering or archiving survives a second run.
 */
async function seedCompanyValues(db: Database) {
  for (const [position, value] of DEFAULT_VALUES.entries()) {
    await db.companyValue.upsert({
      where: { slug: value.slug },
      update: {},
      create: { ...value, position },
    });
  }
}

export async function seedVocabulary(db: Database) {
  await seedCompanyValues(db);
  for (const name of TEAMS) {
    await db.team.upsert({
      where: { slug: skillSlug(name) },
      update: {},
      create: { name, slug: skillSlug(name) },
    });
  }
  for (const raw of SKILLS) {
    const name = normaliseSkillName(raw);
    await db.skill.upsert({
      where: { slug: skillSlug(name) },
      update: {},
      create: { name, slug: skillSlug(name) },
    });
  }
}

async function seedMember(db: Database, member: DemoMember, passwordHash: string) {
  const team = await db.team.findUniqueOrThrow({ where: { slug: skillSlug(member.team) } });
  const skills = [
    ...(member.offers ?? []).map((s) => ({ slug: skillSlug(s), kind: "OFFERED" as SkillKind })),
    ...(member.wants ?? []).map((s) => ({ slug: skillSlug(s), kind: "WANTED" as SkillKind })),
  ];
  const skillRows = await db.skill.findMany({ where: { slug: { in: skills.map((s) => s.slug) } } });
  const idOf = new Map(skillRows.map((s) => [s.slug, s.id]));
  await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: member.email } });
    if (existing) return;
    const user = await tx.user.create({
      data: {
        email: member.email,
        name: member.name,
        role: member.role,
        title: member.title,
        bio: member.bio,
        timeZone: member.timeZone ?? "UTC",
        teamId: team.id,
        passwordHash,
        emailVerified: new Date(),
      },
    });
    await tx.memberSkill.createMany({
      data: skills.map((s) => ({ userId: user.id, skillId: idOf.get(s.slug)!, kind: s.kind })),
    });
  });
}

/**
 * Vocabulary always; demo members and accounts only outside production. `localEmbedded`
 * is for the launcher's own embedded database, which is a local trial even under
 * `npm start` (NODE_ENV=production): never real data.
 */
export async function seedDemoData(
  db: Database,
  options: { log?: (line: string) => void; localEmbedded?: boolean } = {},
) {
  await seedVocabulary(db);
  if (process.env.NODE_ENV === "production" && !options.localEmbedded) {
    throw new Error(
      "Refusing to create demo accounts with NODE_ENV=production. Use `npm run admin:create` for the first admin.",
    );
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const member of MEMBERS) await seedMember(db, member, passwordHash);
  await seedDemoContent(db, { log: options.log });
  await seedDemoSessions(db, { log: options.log });
  await seedDemoMentorship(db, { log: options.log });
  await seedDemoCommunities(db, { log: options.log });
  await seedDemoAvatars(
    db,
    MEMBERS.map((member) => member.email),
  );
  options.log?.(
    `Demo data ready: ${MEMBERS.length} members; sign in as ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")} with password ${DEMO_PASSWORD}`,
  );
}
