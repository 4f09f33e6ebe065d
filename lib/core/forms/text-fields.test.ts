// Control characters and line breaks in members' text (which reaches the database, headers
// and .ics files), refused by construction: every text field of every zod schema the app
// exports (each lib/**/*schemas.ts, and the schemas declared beside a service) refuses a NUL
// byte and the other control characters, and every one-line field refuses line breaks, each
// with a message beside the field. The schemas are found by walking the files, so a field
// added tomorrow is checked tomorrow.
//
// For each field, a value the field accepts is looked for among ordinary ones (text, numbers,
// dates, links, ids, emoji…); each accepted value, poisoned with a control character at its
// end or in its middle, must then be refused with an issue on that field.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CONTROL_CHARACTER_MESSAGE,
  formId,
  hasControlCharacters,
  multiLineText,
  SINGLE_LINE_MESSAGE,
  singleLineText,
  urlText,
} from "./text";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Schema modules: every lib/**\/*schemas.ts, and services that declare their own. */
function schemaModules(): string[] {
  const files = readdirSync(path.join(ROOT, "lib"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("schemas.ts") && !file.includes("generated"))
    .map((file) => `lib/${file.split(path.sep).join("/")}`);
  return [...files, "lib/moderation/reports/report-content.ts"].sort();
}

/**
 * Textareas and lists typed one a line (tags, skills, statements, domains): line breaks and
 * tabs are welcome. Every other text field is one line.
 */
const MULTI_LINE = new Set([
  "createDiscussionSchema.body",
  "createRequestSchema.details",
  "communityFieldsSchema.purpose",
  "createCommunitySchema.purpose",
  "updateCommunitySchema.purpose",
  "editDiscussionSchema.body",
  "createReplySchema.body",
  "editReplySchema.body",
  "createDiscussionSchema.tags",
  "editDiscussionSchema.tags",
  "profileSchema.bio",
  "profileSchema.offered",
  "profileSchema.wanted",
  "profileSchema.offeredAdd",
  "profileSchema.wantedAdd",
  "mentorshipProfileSchema.goals",
  "mentorRequestSchema.note",
  "createPairingSchema.goals",
  "changePairingStatusSchema.reason",
  "requestPairingEndSchema.reason",
  "logCheckInSchema.notes",
  "logCheckInSchema.nextSteps",
  "saveReflectionSchema.learned",
  "saveReflectionSchema.nextSteps",
  "reportSchema.reason",
  "postFieldsSchema.summary",
  "postFieldsSchema.body",
  "postFieldsSchema.tags",
  "createPostSchema.summary",
  "createPostSchema.body",
  "createPostSchema.tags",
  "updatePostSchema.summary",
  "updatePostSchema.body",
  "updatePostSchema.tags",
  "addCommentSchema.body",
  "editCommentSchema.body",
  "sendFeedbackSchema.message",
  "proposeTopicSchema.why",
  "giveRecognitionSchema.message",
  "editRecognitionSchema.message",
  "valueFieldsSchema.description",
  "createValueSchema.description",
  "updateValueSchema.description",
  "sessionFieldsSchema.description",
  "sessionFieldsSchema.goals",
  "sessionFieldsSchema.scope",
  "sessionFieldsSchema.openQuestions",
  "createSessionSchema.description",
  "createSessionSchema.goals",
  "createSessionSchema.scope",
  "createSessionSchema.openQuestions",
  "updateSessionSchema.description",
  "updateSessionSchema.goals",
  "updateSessionSchema.scope",
  "updateSessionSchema.openQuestions",
  "cancelSessionSchema.reason",
  "saveNotesSchema.summary",
  "saveNotesSchema.takeaways",
  "rateSessionSchema.comment",
  "signUpSettingsSchema.allowedDomains",
  "createSurveySchema.intro",
  "createSurveySchema.statements",
  "createSurveySchema.questions",
]);

/**
 * Fields whose form value reaches a sub-schema in another shape: the profile's skills are
 * { kept (the chips), added (the text box) } built from "offered" and "offeredAdd".
 */
const FIELD_INPUTS: Record<string, [field: string, input: (value: unknown) => unknown]> = {
  "profileSchema.offered": ["offered", (value) => ({ kept: value, added: "" })],
  "profileSchema.wanted": ["wanted", (value) => ({ kept: value, added: "" })],
  "profileSchema.offeredAdd": ["offered", (value) => ({ kept: [], added: value })],
  "profileSchema.wantedAdd": ["wanted", (value) => ({ kept: [], added: value })],
};

/** Secrets are compared or hashed, never stored or shown as text: any character is theirs. */
const NOT_TEXT = new Set([
  "signInSchema.password",
  "passwordChangeSchema.currentPassword",
  "passwordChangeSchema.newPassword",
  "passwordChangeSchema.confirmPassword",
  "acceptInvitationSchema.password",
  "acceptInvitationSchema.confirmPassword",
  "signUpSchema.password",
  "signUpSchema.confirmPassword",
  "newPasswordSchema",
  "resetPasswordSchema.password",
  "resetPasswordSchema.confirmPassword",
  "emailChangeSchema.password",
  "verifyEmailSchema.password",
]);

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** Ordinary values, one of which each field should accept. */
const ORDINARY = [
  "A plain line of text",
  "x",
  "ab",
  "5",
  "1",
  "true",
  "on",
  "up",
  "UTC",
  "example.com",
  "person@example.com",
  "https://example.com/page",
  "/posts/cm0abcdefghijklmnopqrstu",
  "cm0abcdefghijklmnopqrstuv",
  "🎉",
  "testing",
  dateIn(1),
  dateIn(3),
  `${dateIn(1)}T10:00`,
  `${dateIn(1)}T11:00`,
  new Date().toISOString(),
];

/** Refused everywhere (NUL, escape, DEL, a C1 control), and by one-line fields: line breaks. */
const CONTROLS = ["\u0000", "\u001b", "\u007f", "\u0085"];
const LINE_BREAKS = ["\n", "\r\n", "\r", "\u2028"];

type AnySchema = z.ZodType;

function isSchema(value: unknown): value is AnySchema {
  return typeof value === "object" && value !== null && "_zod" in value && "safeParse" in value;
}

/** The schemas a module exports: schemas, and schema factories called for a member in UTC. */
function exportedSchemas(exports: Record<string, unknown>): [string, AnySchema][] {
  const found: [string, AnySchema][] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (isSchema(value)) found.push([name, value]);
    else if (typeof value === "function" && /Schema$/.test(name)) {
      const made: unknown = (value as (timeZone: string) => unknown)("UTC");
      if (isSchema(made)) found.push([name, made]);
    }
  }
  return found;
}

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  in?: AnySchema;
  out?: AnySchema;
  left?: AnySchema;
  right?: AnySchema;
  innerType?: AnySchema;
}

const defOf = (schema: AnySchema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The fields of an object schema, through pipes, intersections and wrappers; null for none. */
function fieldsOf(schema: AnySchema | undefined): string[] | null {
  if (!schema) return null;
  const def = defOf(schema);
  if (def.type === "object") return Object.keys(def.shape ?? {});
  if (def.type === "pipe") return merge(fieldsOf(def.in), fieldsOf(def.out));
  if (def.type === "intersection") return merge(fieldsOf(def.left), fieldsOf(def.right));
  if (def.innerType) return fieldsOf(def.innerType);
  return null;
}

function merge(a: string[] | null, b: string[] | null): string[] | null {
  return a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : null;
}

/** The schema of one field, wherever the object holding it sits. */
function fieldSchema(schema: AnySchema | undefined, field: string): AnySchema | undefined {
  if (!schema) return undefined;
  const def = defOf(schema);
  if (def.type === "object") return def.shape?.[field];
  if (def.type === "pipe") return fieldSchema(def.out, field) ?? fieldSchema(def.in, field);
  if (def.type === "intersection") {
    return fieldSchema(def.left, field) ?? fieldSchema(def.right, field);
  }
  return def.innerType ? fieldSchema(def.innerType, field) : undefined;
}

/** Whether a parsed value still holds text a field should not keep. */
function holdsControl(value: unknown, multiLine: boolean): boolean {
  if (typeof value === "string") return hasControlCharacters(value, { multiLine });
  if (Array.isArray(value)) return value.some((item) => holdsControl(item, multiLine));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.values(value).some((item) => holdsControl(item, multiLine));
  }
  return false;
}

/** The value with `poison` at its end, and in its middle when it is long enough. */
function poisoned(value: string, poison: string): string[] {
  const middle = Math.floor(value.length / 2);
  return middle > 0
    ? [value + poison, value.slice(0, middle) + poison + value.slice(middle)]
    : [value + poison];
}

interface Hole {
  field: string;
  value: string;
}

/**
 * The poisoned values a field lets through as they are: accepted, and still holding a control
 * character (or, in a one-line field, a line break) once parsed. A value refused, or cleaned
 * (a trailing line break trimmed, a search cleaned, a checkbox read as "off"), is no hole.
 */
function holesIn(name: string, schema: AnySchema): { checked: string[]; holes: Hole[] } {
  const fields = fieldsOf(schema);
  const labels = fields ? fields.map((field) => `${name}.${field}`) : [name];
  for (const label of Object.keys(FIELD_INPUTS)) {
    if (label.startsWith(`${name}.`) && !labels.includes(label)) labels.push(label);
  }
  const checked: string[] = [];
  const holes: Hole[] = [];
  for (const label of labels) {
    if (NOT_TEXT.has(label)) continue;
    const field = label.slice(name.length + 1);
    const [key, toInput] = FIELD_INPUTS[label] ?? [field, (value: unknown) => value];
    const own = fields ? fieldSchema(schema, key) : schema;
    if (!own) continue;
    const multiLine = MULTI_LINE.has(label);
    const poisons = multiLine ? CONTROLS : [...CONTROLS, ...LINE_BREAKS];
    const ordinary = ORDINARY.filter((value) => own.safeParse(toInput(value)).success);
    if (ordinary.length > 0) checked.push(label);
    for (const value of ordinary) {
      for (const poison of poisons) {
        for (const bad of poisoned(value, poison)) {
          for (const input of [bad, [bad]]) {
            const result = own.safeParse(toInput(input));
            if (result.success && holdsControl(result.data, multiLine)) {
              holes.push({ field: label, value: JSON.stringify(input) });
            }
          }
        }
      }
    }
  }
  return { checked, holes };
}

describe("every text field of the app's schemas", async () => {
  const modules = await Promise.all(
    schemaModules().map(async (file) => {
      const exports = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
      return [file, exportedSchemas(exports)] as const;
    }),
  );

  it("finds the schemas of every domain", () => {
    const files = modules.map(([file]) => file);
    for (const domain of ["discussions", "posts", "sessions", "members", "recognition"]) {
      expect(files).toContain(`lib/${domain}/schemas.ts`);
    }
    expect(modules.flatMap(([, schemas]) => schemas).length).toBeGreaterThan(100);
  });

  it.each(modules.map(([file, schemas]) => [file, schemas] as const))(
    "%s: refuses NUL and control characters everywhere, line breaks in one-line fields",
    (_file, schemas) => {
      // One example a field: "field ← accepted value".
      const holes = new Map<string, string>();
      for (const [name, schema] of schemas) {
        for (const hole of holesIn(name, schema).holes) {
          if (!holes.has(hole.field)) holes.set(hole.field, `${hole.field} ← ${hole.value}`);
        }
      }
      expect([...holes.values()]).toEqual([]);
    },
  );

  it("checks the text fields it should (an ordinary value reaches each)", () => {
    const checked = new Set(
      modules.flatMap(([, schemas]) => schemas.flatMap(([n, s]) => holesIn(n, s).checked)),
    );
    for (const field of [
      "createDiscussionSchema.title",
      "createDiscussionSchema.body",
      "createDiscussionSchema.tags",
      "postFieldsSchema.title",
      "sessionFieldsSchema.title",
      "sessionFieldsSchema.location",
      "sessionFieldsSchema.meetingUrl",
      "profileSchema.name",
      "profileSchema.title",
      "profileSchema.team",
      "profileSchema.offeredAdd",
      "memberNameSchema",
      "valueFieldsSchema.name",
      "valueFieldsSchema.emoji",
      "addGoalSchema.title",
      "addActionItemSchema.title",
      "createSurveySchema.title",
      "proposeTopicSchema.title",
      "giveRecognitionSchema.link",
      "addPairingLinkSchema.note",
      "reportSchema.reason",
      "memberFilterSchema.q",
      "directoryParamsSchema.q",
      "tagsPageSchema.q",
      "listParamsSchema.tag",
      "sessionIdSchema.id",
      "idSchema",
    ]) {
      expect(checked).toContain(field);
    }
    for (const field of MULTI_LINE) expect(checked).toContain(field);
  });
});

describe("the shared text schemas", () => {
  it("one line: refuses line breaks and control characters, with a message for the field", () => {
    const title = singleLineText().pipe(z.string().max(30));
    expect(title.parse("  Tabs\tread as spaces ")).toBe("Tabs read as spaces");
    expect(title.parse(undefined)).toBe("");
    for (const bad of ["a\nb", "a\r\nb", "a\u2028b", "a\u0000b", "a\u001bb", "a\u0085b"]) {
      const result = title.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([SINGLE_LINE_MESSAGE]);
    }
  });

  it("several lines: keeps line breaks and tabs, refuses other control characters", () => {
    const body = multiLineText();
    expect(body.parse(" One\r\n\tTwo\rThree\n ")).toBe("One\n\tTwo\nThree");
    for (const bad of ["a\u0000b", "a\u0007b", "a\u007fb", "a\u009bb"]) {
      const result = body.safeParse(bad);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([
        CONTROL_CHARACTER_MESSAGE,
      ]);
    }
  });

  it("ids and URL values: control characters make them unknown", () => {
    expect(formId().parse(" cm0abc ")).toBe("cm0abc");
    expect(formId().safeParse("cm0\u0000abc").error?.issues[0]?.message).toBe("Unknown id.");
    expect(formId({ unknown: "Unknown session." }).safeParse("x".repeat(41)).success).toBe(false);
    expect(urlText(10).safeParse("abc").success).toBe(true);
    expect(urlText(10).safeParse("a\u0000").success).toBe(false);
    expect(hasControlCharacters("a\tb")).toBe(true);
    expect(hasControlCharacters("a\tb\nc", { multiLine: true })).toBe(false);
    expect(hasControlCharacters("emoji 🎉 and 日本語, zero-width\u200djoiner")).toBe(false);
  });
});
