// A member uploads a picture or a file into something they are writing. It stays pending
// (only they can read it) until the content that mentions it is saved (./bind.ts).
import type { Actor } from "@/lib/core/auth/authorize";
import { prepareAttachment } from "./processing";
import { countUploadAttempt, fileUrl, storePrepared, uploadMarkdown } from "./uploads";

export interface UploadedAttachment {
  id: string;
  url: string;
  kind: "IMAGE" | "FILE";
  name: string;
  markdown: string;
}

/** Stores the file, or throws UploadRefused with the sentence to show. */
export async function uploadAttachment(
  actor: Pick<Actor, "id">,
  file: { name: string; bytes: Buffer },
): Promise<UploadedAttachment> {
  await countUploadAttempt(actor);
  const prepared = await prepareAttachment(file.bytes, file.name);
  const stored = await storePrepared(actor.id, prepared);
  const kind = stored.kind === "IMAGE" ? "IMAGE" : "FILE";
  return {
    id: stored.id,
    url: fileUrl(stored.id),
    kind,
    name: stored.name,
    markdown: uploadMarkdown({ ...stored, kind }),
  };
}
