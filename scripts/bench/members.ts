// Generated members: names, teams (some much bigger than others), titles, skills, tag follows.
import { BENCH_MEMBER_DOMAIN } from "./constants";
import { DAY, HISTORY_DAYS, pickTags, type PersonRow, type SeedContext } from "./context";
import type { Random } from "./random";
import { sentence } from "./text";
import type { Writers } from "./tables";
import { timestamp } from "./writer";
import { FIRST_NAMES, JOB_TITLES, LAST_NAMES } from "./vocabulary";

const TIME_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Stockholm",
  "America/New_York",
  "America/Toronto",
  "America/Mexico_City",
  "America/Sao_Paulo",
  "Africa/Lagos",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
];

const asciiWord = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[^A-Za-z0-9]/g, "")
    .toLowerCase();

export function memberEmail(first: string, last: string, index: number) {
  return `${asciiWord(first)}.${asciiWord(last)}.${index + 1}@${BENCH_MEMBER_DOMAIN}`;
}

/** Queues `count` members with their skills; returns who they are. */
export function addMembers(
  writers: Writers,
  ctx: Pick<SeedContext, "now" | "newId">,
  random: Random,
  input: { count: number; teamIds: readonly string[]; skillIds: readonly string[] },
): PersonRow[] {
  const people: PersonRow[] = [];
  for (let index = 0; index < input.count; index++) {
    const id = ctx.newId();
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const createdAt = ctx.now - (HISTORY_DAYS + random.int(1, 400)) * DAY;
    const deactivated = random.chance(0.01);
    // Drawn in the order the original seed drew them, so a seed still gives the same members.
    const role = random.chance(0.02) ? "LEADER" : "MEMBER";
    const title = random.pick(JOB_TITLES);
    const bio = random.chance(0.5) ? sentence(random) : null;
    const timeZone = random.pick(TIME_ZONES);
    const teamId = input.teamIds[random.skewedIndex(input.teamIds.length, 1.7)]!;
    writers.user.add({
      id,
      email: memberEmail(first, last, index),
      emailVerified: timestamp(createdAt),
      name: `${first} ${last}`,
      role,
      status: deactivated ? "DEACTIVATED" : "ACTIVE",
      title,
      bio,
      timeZone,
      teamId,
      createdAt: timestamp(createdAt),
      updatedAt: timestamp(createdAt),
      deactivatedAt: deactivated ? timestamp(ctx.now - random.int(1, 200) * DAY) : null,
    });
    addSkills(writers, random, id, input.skillIds);
    people.push({ id, teamId, active: !deactivated, role });
  }
  return people;
}

function addSkills(writers: Writers, random: Random, userId: string, skillIds: readonly string[]) {
  const offered = random.int(1, 4);
  const wanted = random.int(0, 3);
  const chosen = random.distinctIndices(skillIds.length, offered + wanted, 1.4);
  chosen.forEach((index, position) => {
    const kind = position < offered ? "OFFERED" : "WANTED";
    writers.memberSkill.add({ userId, skillId: skillIds[index], kind });
  });
}

/** Most members follow a few tags; many follow none. */
export function addTagFollows(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  memberIds: readonly string[],
) {
  for (const userId of memberIds) {
    const count = Math.floor(random.next() ** 2 * 7);
    for (const tagId of pickTags(ctx, random, count)) {
      writers.tagFollow.add({
        userId,
        tagId,
        createdAt: timestamp(ctx.now - random.int(1, HISTORY_DAYS) * DAY),
      });
    }
  }
}
