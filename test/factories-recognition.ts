// Company values, recognitions and private feedback straight into the database, unique per call.
import type { RecognitionKind } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { unique } from "./factories";

export function createValue(
  overrides: Partial<{ name: string; emoji: string; archivedAt: Date }> = {},
) {
  const tag = unique("v");
  return testDb.companyValue.create({
    data: {
      name: `Value ${tag}`,
      slug: tag.toLowerCase(),
      description: `About ${tag}`,
      ...overrides,
    },
  });
}

export interface RecognitionOverrides {
  kind?: RecognitionKind;
  message?: string;
  valueId?: string;
  teamId?: string | null;
  discussionId?: string | null;
  replyId?: string | null;
  postId?: string | null;
  sessionId?: string | null;
  pairingId?: string | null;
  featuredAt?: Date | null;
  createdAt?: Date;
  deletedAt?: Date | null;
  hiddenAt?: Date | null;
}

/** A public recognition from `giverId` to `recipientIds` (a new value unless one is given). */
export async function createRecognition(
  giverId: string,
  recipientIds: string[],
  overrides: RecognitionOverrides = {},
) {
  const valueId = overrides.valueId ?? (await createValue()).id;
  return testDb.recognition.create({
    data: {
      giverId,
      message: `Thanks ${unique("r")}`,
      ...overrides,
      valueId,
      recipients: { create: recipientIds.map((userId) => ({ userId })) },
    },
  });
}

export function createPrivateFeedback(
  giverId: string,
  recipientId: string,
  overrides: Partial<{ message: string; createdAt: Date; readAt: Date | null }> = {},
) {
  return testDb.privateFeedback.create({
    data: { giverId, recipientId, message: `Private note ${unique("pf")}`, ...overrides },
  });
}
