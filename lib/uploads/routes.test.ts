// The upload routes end to end, called as a browser would with real Request objects, against
// the real database and the local-folder storage in a temporary directory:
// POST /api/uploads, POST/DELETE /api/uploads/avatar, GET /files/<id>.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pngHeaderOnly } from "@/test/fixtures/png";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDiscussion } from "@/lib/discussions/create-discussion";
import { sendPrivateFeedback } from "@/lib/private-feedback/feedback";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { discussionInput } from "@/test/factories-discussions";
import { signedInAs } from "@/test/session";
import { MAX_FILE_BYTES, MEMBER_QUOTA_BYTES } from "./limits";
import { prepareAttachment } from "./processing";
import { countUploadAttempt, storePrepared } from "./uploads";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-pathname": "/" }) }));

const uploadDir = mkdtempSync(path.join(tmpdir(), "lc-uploads-"));
process.env.UPLOAD_DIR = uploadDir;
delete process.env.UPLOAD_STORAGE;

const uploads = await import("@/app/api/uploads/route");
const avatar = await import("@/app/api/uploads/avatar/route");
const files = await import("@/app/files/[id]/route");

afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

const ORIGIN = "http://localhost";

function post(url: string, form: FormData, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${url}`, {
    method: "POST",
    body: form,
    headers: { origin: ORIGIN, ...headers },
  });
}

function fileForm(bytes: Buffer | Uint8Array, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type: "image/png" }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

const upload = (bytes: Buffer | Uint8Array, name: string) =>
  uploads.POST(post("/api/uploads", fileForm(bytes, name)));

const getFile = (id: string, query = "") =>
  files.GET(new Request(`${ORIGIN}/files/${id}${query}`), {
    params: Promise.resolve({ id }),
  });

/** Every stored size, as paths below the upload folder. */
const storedFiles = () =>
  readdirSync(uploadDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .png()
    .toBuffer();

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const uploadsOf = (ownerId: string) => testDb.upload.findMany({ where: { ownerId } });

beforeEach(() => signedInAs(null));

describe("POST /api/uploads", () => {
  it("refuses a signed-out visitor and a request from another site", async () => {
    expect((await upload(await png(10, 10), "a.png")).status).toBe(401);
    const member = await createMember();
    signedInAs(member);
    const response = await uploads.POST(
      post("/api/uploads", fileForm(await png(10, 10), "a.png"), {
        origin: "https://evil.example",
      }),
    );
    expect(response.status).toBe(403);
    expect(await uploadsOf(member.id)).toEqual([]);
  });

  it("stores a picture, shows it to its owner only until a question mentions it, then to members", async () => {
    const [writer, reader] = [await createMember(), await createMember()];
    signedInAs(writer);
    const response = await upload(await png(2000, 1000), "screen shot [1].png");
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({
      id: expect.any(String),
      url: `/files/${body.id}`,
      kind: "IMAGE",
      name: "screen shot [1].png",
      markdown: `![screen shot \\[1\\].png](/files/${body.id})`,
    });

    const served = await getFile(body.id);
    expect(served.status).toBe(200);
    expect(Object.fromEntries(served.headers)).toMatchObject({
      "content-type": "image/webp",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=300",
      "content-disposition": `inline; filename="screen shot [1].webp"; filename*=UTF-8''screen%20shot%20%5B1%5D.webp`,
    });
    const stored = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([stored.format, stored.width]).toEqual(["webp", 1600]);
    expect((await getFile(body.id, "?w=800")).status).toBe(200);
    expect((await getFile(body.id, "?w=1000")).status).toBe(404);

    signedInAs(reader);
    expect((await getFile(body.id)).status).toBe(404);

    const question = await createDiscussion(
      writer,
      discussionInput({ kind: "QUESTION", body: `It fails here:\n\n${body.markdown}` }),
    );
    expect(question.ok).toBe(true);
    expect((await getFile(body.id)).status).toBe(200);
  });

  it("serves a file as a download under its real type; a private attachment is 404 to a third member", async () => {
    const [giver, recipient, third] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    signedInAs(giver);
    const response = await upload(PDF, "Zoë's review.png");
    expect(response.status).toBe(201);
    const { id, markdown, kind, name } = await response.json();
    expect({ kind, name }).toEqual({ kind: "FILE", name: "Zoë's review.png.pdf" });
    await sendPrivateFeedback(giver, { recipientId: recipient.id, message: `See ${markdown}` });

    signedInAs(recipient);
    const served = await getFile(id);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toBe(
      `attachment; filename="Zo_'s review.png.pdf"; filename*=UTF-8''Zo%C3%AB%27s%20review.png.pdf`,
    );
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PDF);

    signedInAs(third);
    const refused = await getFile(id);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe("That file was not found.");
  });

  it("answers a picture it may not show, or that is gone, with a 404 that draws a notice", async () => {
    const [giver, third] = [await createMember(), await createMember()];
    signedInAs(giver);
    const { id, markdown } = await (await upload(await png(300, 200), "private.png")).json();
    await sendPrivateFeedback(giver, { recipientId: (await createMember()).id, message: markdown });
    signedInAs(third);
    const asPicture = (fileId: string) =>
      files.GET(
        new Request(`${ORIGIN}/files/${fileId}?w=300`, { headers: { "sec-fetch-dest": "image" } }),
        { params: Promise.resolve({ id: fileId }) },
      );
    const refused = await asPicture(id);
    const gone = await asPicture("cmgone000000000000000000");
    for (const response of [refused, gone]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("image/svg+xml");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    const [refusedBody, goneBody] = [await refused.text(), await gone.text()];
    expect(refusedBody).toContain("File removed or not available");
    expect(refusedBody).toBe(goneBody);
  });

  it.each([
    ["a zero-byte file", async () => Buffer.alloc(0), "empty.png", 400, "That file is empty."],
    [
      "an SVG with a script",
      async () =>
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      "logo.svg",
      415,
      "SVG images can't be uploaded; export it as PNG and upload that.",
    ],
    [
      "HTML named .png",
      async () => Buffer.from("<!doctype html><script>alert(1)</script>"),
      "cat.png",
      415,
      "Web pages (HTML) can't be uploaded; save it as PDF, or paste the text.",
    ],
    [
      "a 20,000 × 20,000 picture",
      async () => pngHeaderOnly(20_000, 20_000),
      "bomb.png",
      413,
      "That picture is too large to process (20000 × 20000 pixels); send one of at most 50 megapixels.",
    ],
    [
      "a file over 10 MB",
      async () => Buffer.alloc(MAX_FILE_BYTES + 100_000, 0x41),
      "big.txt",
      413,
      "That file is too large: send at most 10 MB.",
    ],
  ])("refuses %s with a sentence and stores nothing", async (_what, bytes, name, status, error) => {
    const member = await createMember();
    signedInAs(member);
    const before = storedFiles().length;
    const response = await upload(await bytes(), name);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
    expect(await uploadsOf(member.id)).toEqual([]);
    expect(storedFiles().length).toBe(before);
  });

  it("judges an over-size body by its Content-Length before reading it", async () => {
    signedInAs(await createMember());
    const request = new Request(`${ORIGIN}/api/uploads`, {
      method: "POST",
      headers: {
        origin: ORIGIN,
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(50 * 1024 * 1024),
      },
      body: "--x--",
    });
    const response = await uploads.POST(request);
    expect(response.status).toBe(413);
  });

  it("refuses an upload past the member's quota, storing nothing", async () => {
    const member = await createMember();
    await testDb.upload.create({
      data: {
        ownerId: member.id,
        kind: "FILE",
        contentType: "application/pdf",
        byteSize: MEMBER_QUOTA_BYTES - 10,
        originalName: "big.pdf",
        storageKey: `u/quota${member.id}`,
      },
    });
    signedInAs(member);
    const before = storedFiles().length;
    const response = await upload(PDF, "one-more.pdf");
    expect(response.status).toBe(429);
    expect((await response.json()).error).toMatch(/^Your uploads would use more than your 200 MB/);
    expect(await uploadsOf(member.id)).toHaveLength(1);
    expect(storedFiles().length).toBe(before);
  });

  it("refuses the 61st upload within the hour", async () => {
    const member = await createMember();
    for (let i = 0; i < 60; i++) await countUploadAttempt(member);
    signedInAs(member);
    const response = await upload(PDF, "report.pdf");
    expect(response.status).toBe(429);
    expect((await response.json()).error).toMatch(
      /^You have uploaded a lot in a short time; try again in \d+ minutes?\.$/,
    );
    expect(await uploadsOf(member.id)).toEqual([]);
  });

  it("deletes the written bytes when the row can't be written", async () => {
    const member = await createMember();
    const before = storedFiles().length;
    const prepared = await prepareAttachment(await png(900, 300), "a.png");
    await expect(
      storePrepared(member.id, prepared, async () => {
        throw new Error("database went away");
      }),
    ).rejects.toThrow("database went away");
    expect(await uploadsOf(member.id)).toEqual([]);
    expect(storedFiles().length).toBe(before);
  });
});

describe("/api/uploads/avatar", () => {
  it("sets a cropped photo every member can see, replaces it, and removes it", async () => {
    const [member, other] = [await createMember(), await createMember()];
    signedInAs(member);
    const first = await avatar.POST(
      post(
        "/api/uploads/avatar",
        fileForm(await png(300, 200), "me.png", { cropX: "50", cropY: "0", cropSize: "200" }),
      ),
    );
    expect(first.status).toBe(200);
    const { avatarId } = await first.json();
    expect(await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      avatarId,
    });
    const firstRow = await testDb.upload.findUniqueOrThrow({ where: { id: avatarId } });
    expect(firstRow).toMatchObject({ kind: "AVATAR", variants: [256, 96, 48] });

    signedInAs(other);
    const small = await getFile(avatarId, "?w=48");
    expect(small.status).toBe(200);
    expect(small.headers.get("cache-control")).toBe("private, max-age=86400");
    const shown = await sharp(Buffer.from(await small.arrayBuffer())).metadata();
    expect([shown.width, shown.height]).toEqual([48, 48]);

    signedInAs(member);
    const filesBefore = storedFiles().length;
    const second = await avatar.POST(
      post("/api/uploads/avatar", fileForm(await png(64, 64), "new.png")),
    );
    const { avatarId: secondId } = await second.json();
    expect(await testDb.upload.findUnique({ where: { id: avatarId } })).toBeNull();
    expect(storedFiles().length).toBe(filesBefore); // three sizes in, three out
    expect(storedFiles().some((f) => f.includes(firstRow.storageKey.slice(2)))).toBe(false);

    const removed = await avatar.DELETE(
      new Request(`${ORIGIN}/api/uploads/avatar`, {
        method: "DELETE",
        headers: { origin: ORIGIN },
      }),
    );
    expect(await removed.json()).toEqual({ avatarId: null });
    expect(await testDb.upload.findUnique({ where: { id: secondId } })).toBeNull();
    expect((await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).avatarId).toBeNull();
  });

  it("refuses a signed-out visitor and another site", async () => {
    const remove = (origin: string) =>
      avatar.DELETE(
        new Request(`${ORIGIN}/api/uploads/avatar`, { method: "DELETE", headers: { origin } }),
      );
    expect((await remove(ORIGIN)).status).toBe(401);
    signedInAs(await createMember());
    expect((await remove("https://evil.example")).status).toBe(403);
  });

  it("refuses a crop outside the picture, a half-given crop, and a PDF", async () => {
    const member = await createMember();
    signedInAs(member);
    const picture = await png(100, 100);
    const outside = await avatar.POST(
      post(
        "/api/uploads/avatar",
        fileForm(picture, "me.png", { cropX: "50", cropY: "0", cropSize: "100" }),
      ),
    );
    expect([outside.status, (await outside.json()).error]).toEqual([
      400,
      "The crop area must lie inside the picture.",
    ]);
    const half = await avatar.POST(
      post("/api/uploads/avatar", fileForm(picture, "me.png", { cropX: "5" })),
    );
    expect(half.status).toBe(400);
    const pdf = await avatar.POST(post("/api/uploads/avatar", fileForm(PDF, "me.png")));
    expect(pdf.status).toBe(415);
    expect(await uploadsOf(member.id)).toEqual([]);
  });
});
