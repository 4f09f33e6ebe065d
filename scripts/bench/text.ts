// Varied, believable text for the bench seed: sentences from templates over the word lists,
// so that full-text search has real stems to match and rank.
import type { Random } from "./random";
import * as words from "./vocabulary";

type Slot = (random: Random) => string;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const from =
  (items: readonly string[]): Slot =>
  (random) =>
    random.pick(items);

const SLOTS: Record<string, Slot> = {
  practice: from(words.PRACTICES),
  topic: from(words.TOPICS),
  team: from(words.TEAMS),
  role: from(words.ROLES),
  time: from(words.TIMES),
  outcome: from(words.OUTCOMES),
  pain: from(words.PAINS),
  artifact: from(words.ARTIFACTS),
  metric: from(words.METRICS),
  resource: from(words.RESOURCES),
  adjective: from(words.ADJECTIVES),
  verbed: from(words.VERBS_PAST),
  verb: from(words.VERBS_BASE),
  weekday: from(words.WEEKDAYS),
  opener: from(words.OPENERS),
  n: (random) => String(random.int(2, 12)),
  m: (random) => String(random.int(13, 40)),
};

const SENTENCES = [
  "We {verbed} {practice} in the {team} team {time}, and {outcome}.",
  "Has anyone found a good way to introduce {practice} to {role}?",
  "The hardest part of {topic} for us was {pain}.",
  "I learned more about {topic} from one session of {practice} than from a month of reading.",
  "{opener}, {practice} felt {adjective} at first.",
  "If you are new to {topic}, start with {resource}; chapter {n} is the useful one.",
  "Our {role} asked for more time for {topic}, so we {verbed} a fortnightly slot for it.",
  "What would you do differently if you ran {practice} on {topic} again?",
  "One thing that helped was writing down {artifact} before the session.",
  "We measured {metric} before and after, and it went from {m} to {n}.",
  "People need to be able to say they don't know something about {topic} without it costing them.",
  "I'd love to pair with someone who knows {topic} well.",
  "The notes from {practice} are linked in the {team} channel.",
  "Next time we will invite {role} earlier and keep the scope of {topic} smaller.",
  "{topic} is not just a skill; it is a habit the whole team has to practise.",
  "Curious how other teams handle {topic} when deadlines are tight.",
  "A short checklist for {topic} caught most of our mistakes {time}.",
  "The {resource} book club meets on {weekday} at lunch, and newcomers are welcome.",
  "{opener}, the {adjective} part was {pain}, not the {topic} itself.",
  "We asked {role} what they wanted to learn, and {topic} came up again and again.",
  "Recognising the people who {verb} {topic} for others made a visible difference.",
  "After {practice}, we agreed on {artifact} and shared it with the {team} team.",
  "Does anyone have a template for {practice} that works for {role}?",
  "It took us {n} attempts to make {practice} feel safe enough for honest feedback.",
  "Mentoring on {topic} works best when the mentee sets the goals.",
  "{time} we {verbed} how we {verb} {topic}, and {outcome}.",
  "The {team} team keeps a running list of open questions about {topic}.",
  "I was sceptical about {practice}, but {outcome}.",
];

const QUESTION_TITLES = [
  "How do you {verb} {topic} with {role}?",
  "What is the best way to start with {topic}?",
  "Has anyone tried {practice} for {topic}?",
  "Where can I learn more about {topic} as one of our {role}?",
  "Should we record our {practice} sessions on {topic}?",
  "How do you keep {practice} going after the first month?",
  "Any advice for running {practice} across time zones?",
];

const DISCUSSION_TITLES = [
  "Notes from {practice} on {topic}",
  "{topic}: what worked for the {team} team",
  "Ideas for our next session of {practice}",
  "Reflections on {topic} {time}",
  "Sharing the slides from {practice} about {topic}",
  "What we learned about {topic} {time}",
  "Looking for volunteers to run {practice} on {topic}",
];

const POST_TITLES: Record<PostType, string[]> = {
  HOW_TO: [
    "How to {verb} {topic} in {n} steps",
    "How to run {practice} that people actually enjoy",
    "A practical guide to {topic} for {role}",
  ],
  LESSON_LEARNED: [
    "Lesson learned: {topic} {time}",
    "What {practice} taught us about {topic}",
    "Lesson learned from {pain} in {topic}",
  ],
  CASE_STUDY: [
    "Case study: {topic} in the {team} team",
    "Case study: how {practice} changed {metric}",
  ],
  RESOURCE_NOTES: ["Notes on {resource}", "Reading notes: {resource} and {topic}"],
};

const POST_SECTIONS: Record<PostType, string[]> = {
  HOW_TO: ["Why it matters", "Steps", "Pitfalls"],
  LESSON_LEARNED: ["What happened", "What we learned", "What we'd do differently"],
  CASE_STUDY: ["Context", "What we did", "Results"],
  RESOURCE_NOTES: ["About the resource", "Key ideas", "How we might use it"],
};

export type PostType = "HOW_TO" | "LESSON_LEARNED" | "CASE_STUDY" | "RESOURCE_NOTES";

function fill(template: string, random: Random): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, slot: string) => SLOTS[slot]!(random));
  return capitalise(filled);
}

/** A template's {slots} filled from the word lists and capitalised ("{topic} for {role}"). */
export const fillTemplate = (template: string, random: Random) => fill(template, random);

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function sentence(random: Random): string {
  return fill(random.pick(SENTENCES), random);
}

/** A title of 4–12 words. */
function title(templates: readonly string[], random: Random): string {
  let text = fill(random.pick(templates), random);
  if (wordCount(text) < 4) text = `${text} — ${fill("{time}", random)}`;
  const parts = text.split(" ");
  if (parts.length > 12)
    text = parts
      .slice(0, 12)
      .join(" ")
      .replace(/[,;:]$/, "");
  return text;
}

export const questionTitle = (random: Random) => title(QUESTION_TITLES, random);
export const discussionTitle = (random: Random) => title(DISCUSSION_TITLES, random);
export const postTitle = (type: PostType, random: Random) => title(POST_TITLES[type], random);

/**
 * Paragraphs of whole sentences, with an occasional list: at least `targetWords` words
 * (unless that would pass `maxWords`), never more than `maxWords`.
 */
export function paragraphs(random: Random, targetWords: number, maxWords = targetWords + 40) {
  const blocks: string[] = [];
  let total = 0;
  const fits = (text: string) => total + wordCount(text) <= maxWords;
  while (total < targetWords) {
    const asList = blocks.length > 0 && random.chance(0.12);
    const lines = Array.from({ length: random.int(asList ? 2 : 1, 4) }, () =>
      asList ? `- ${sentence(random)}` : sentence(random),
    );
    const kept: string[] = [];
    for (const line of lines) {
      if (!fits(line) || (!asList && total >= targetWords)) break;
      kept.push(line);
      total += wordCount(line);
    }
    if (!kept.length) break;
    blocks.push(kept.join(asList ? "\n" : " "));
  }
  return blocks.join("\n\n");
}

/** A discussion body of 30–300 words, most of them short. */
export const discussionBody = (random: Random) =>
  paragraphs(random, 30 + Math.floor(270 * random.next() ** 2), 300);

/** A reply: usually a few sentences, now and then a long one. */
export const replyBody = (random: Random) =>
  paragraphs(random, 8 + Math.floor(150 * random.next() ** 3));

export const commentBody = (random: Random) =>
  paragraphs(random, 6 + Math.floor(60 * random.next() ** 2));

export function postSummary(random: Random): string {
  let text = sentence(random);
  if (random.chance(0.5)) text += ` ${sentence(random)}`;
  return text.length > 280 ? `${text.slice(0, 277)}…` : text;
}

/** A knowledge post body with the sections its type suggests (lessons learned use the prompts). */
export function postBody(type: PostType, random: Random): string {
  return POST_SECTIONS[type]
    .map((heading) => `## ${heading}\n\n${paragraphs(random, random.int(25, 110))}`)
    .join("\n\n");
}
