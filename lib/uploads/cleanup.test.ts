import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion } from "@/test/factories-discussions";
import { deleteAbandonedUploads, PENDING_UPLOAD_KEEP_MS } from "./cleanup";
import { prepareAttachment } from "./processing";
import { fileStorage } from "./storage";
import { keysOf, writeUpload } from "./store";

async function upload(ownerId: string, sentAgoMs: number, data: object = {}) {
  const prepared = await prepareAttachment(Buffer.from("meeting notes\n"), "notes.txt");
  const stored = await writeUpload(testDb, ownerId, prepared);
  return testDb.upload.update({
    where: { id: stored.id },
    data: { createdAt: new Date(Date.now() - sentAgoMs), ...data },
  });
}

describe("deleteAbandonedUploads", () => {
  it("deletes uploads left pending past the keeping time, rows and bytes, and nothing else", async () => {
    const member = await createMember();
    const old = PENDING_UPLOAD_KEEP_MS + 60_000;
    const abandoned = await upload(member.id, old);
    const recent = await upload(member.id, 60_000);
    const discussion = await createDiscussion(member.id);
    const attached = await upload(member.id, old, {
      targetType: "DISCUSSION",
      targetId: discussion.id,
    });
    const photo = await upload(member.id, old, { kind: "AVATAR" });

    expect(await deleteAbandonedUploads(testDb)).toBeGreaterThanOrEqual(1);
    const left = await testDb.upload.findMany({
      where: { ownerId: member.id },
      select: { id: true },
    });
    expect(left.map((row) => row.id).sort()).toEqual([recent.id, attached.id, photo.id].sort());
    const [key] = keysOf(abandoned);
    expect(await fileStorage().get(key!)).toBeNull();
    expect(await fileStorage().get(keysOf(recent)[0]!)).not.toBeNull();
  });
});
