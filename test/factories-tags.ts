// Tags for content tests, shared by the discussion, post and content factories.
import { tagSlug } from "@/lib/tags/schemas";
import { testDb } from "./db";
import { unique } from "./factories";

export async function createTag(name = `Tag ${unique()}`) {
  return testDb.tag.upsert({
    where: { slug: tagSlug(name) },
    update: {},
    create: { name, slug: tagSlug(name) },
  });
}

export function followTag(userId: string, tagId: string) {
  return testDb.tagFollow.create({ data: { userId, tagId } });
}
