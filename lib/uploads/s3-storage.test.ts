// The S3 storage against a real S3-compatible server (s3rver, on a random port with a
// temporary folder): put/get/delete, the whole upload → serve path with UPLOAD_STORAGE=s3, and
// the purge's deletion of every stored size.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDiscussion } from "@/lib/discussions/create-discussion";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { discussionInput } from "@/test/factories-discussions";
import { signedInAs } from "@/test/session";
import { prepareAttachment } from "./processing";
import { fileStorage, S3FileStorage, storageFromEnvironment } from "./storage";
import { deleteBlobs, keysOf, writeUpload } from "./store";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));

const BUCKET = "lc-uploads-test";
const directory = mkdtempSync(path.join(tmpdir(), "lc-s3rver-"));
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: BUCKET }],
});

beforeAll(async () => {
  const { port } = await server.run();
  Object.assign(process.env, {
    UPLOAD_STORAGE: "s3",
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: "eu-central-1",
    // s3rver's own credentials.
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  });
});

afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("S3FileStorage", () => {
  it("is what UPLOAD_STORAGE=s3 chooses", () => {
    expect(fileStorage()).toBeInstanceOf(S3FileStorage);
    expect(() => storageFromEnvironment({ UPLOAD_STORAGE: "s3" })).toThrow(/S3_BUCKET/);
  });

  it("puts, gets and deletes bytes; a missing key reads as null", async () => {
    const storage = fileStorage();
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await storage.put("u/roundtrip/original", bytes, "application/octet-stream");
    expect(await storage.get("u/roundtrip/original")).toEqual(bytes);
    await storage.delete("u/roundtrip/original");
    expect(await storage.get("u/roundtrip/original")).toBeNull();
    expect(await storage.get("u/never/original")).toBeNull();
    await storage.delete("u/never/original");
  });

  it("refuses a key the app did not make", async () => {
    await expect(
      fileStorage().put("../etc/passwd", Buffer.from("x"), "text/plain"),
    ).rejects.toThrow(/Not a storage key/);
  });

  it("serves an uploaded picture from the bucket", async () => {
    const { POST } = await import("@/app/api/uploads/route");
    const { GET } = await import("@/app/files/[id]/route");
    const [writer, reader] = [await createMember(), await createMember()];
    signedInAs(writer);
    const form = new FormData();
    const png = await sharp({
      create: { width: 1200, height: 600, channels: 3, background: { r: 0, g: 90, b: 0 } },
    })
      .png()
      .toBuffer();
    form.set("file", new File([new Uint8Array(png)], "chart.png"));
    const response = await POST(
      new Request("http://localhost/api/uploads", {
        method: "POST",
        body: form,
        headers: { origin: "http://localhost" },
      }),
    );
    expect(response.status).toBe(201);
    const { id, markdown } = await response.json();
    const row = await testDb.upload.findUniqueOrThrow({ where: { id } });
    expect(row.variants).toEqual([1200, 800]);
    expect(await fileStorage().get(`${row.storageKey}/800`)).not.toBeNull();

    await createDiscussion(writer, discussionInput({ body: `Look: ${markdown}` }));
    signedInAs(reader);
    const served = await GET(new Request(`http://localhost/files/${id}?w=800`), {
      params: Promise.resolve({ id }),
    });
    expect(served.status).toBe(200);
    const shown = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([shown.format, shown.width, shown.height]).toEqual(["webp", 800, 400]);
  });

  it("deletes every stored size of a picture from the bucket, as the housekeeping's purge does", async () => {
    // The purge itself (./lifecycle.test.ts) runs on the shared database; a second run here,
    // beside it, could take its rows. Its last step, deleteBlobs over keysOf, is checked here.
    const owner = await createMember();
    const png = await sharp({
      create: { width: 1000, height: 500, channels: 3, background: { r: 90, g: 0, b: 0 } },
    })
      .png()
      .toBuffer();
    const stored = await writeUpload(testDb, owner.id, await prepareAttachment(png, "chart.png"));
    const row = await testDb.upload.findUniqueOrThrow({ where: { id: stored.id } });
    const keys = keysOf(row);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await fileStorage().get(key)).not.toBeNull();

    await deleteBlobs(keys);
    for (const key of keys) expect(await fileStorage().get(key)).toBeNull();
  });
});
