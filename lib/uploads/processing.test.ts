// What an upload becomes before it is stored, with real sharp and file-type: the type comes
// from the bytes, pictures lose their metadata and are re-encoded at the stored widths, and
// every bad input is refused with a sentence.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pngHeaderOnly } from "@/test/fixtures/png";
import { MAX_FILE_BYTES } from "./limits";
import { prepareAttachment, prepareAvatar, storedWidths, UploadRefused } from "./processing";

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });

/** A JPEG carrying a camera's EXIF, with the place it was taken (GPS). */
const jpegWithGps = (width = 2000, height = 1000) =>
  picture(width, height)
    .withExif({
      IFD0: { Make: "PhoneCo", Model: "Snap 9", Copyright: "Ada" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
    })
    .jpeg()
    .toBuffer();

async function refusal(work: Promise<unknown>): Promise<UploadRefused> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadRefused);
  return error as UploadRefused;
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("pictures", () => {
  it("strips EXIF and GPS, and stores WebP at 1600 and 800 wide", async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const prepared = await prepareAttachment(original, "holiday.jpg");
    expect(prepared).toMatchObject({
      kind: "IMAGE",
      contentType: "image/webp",
      name: "holiday.jpg",
      width: 2000,
      height: 1000,
      widths: [1600, 800],
    });
    for (const [index, variant] of prepared.variants.entries()) {
      const stored = await sharp(variant.bytes).metadata();
      expect(stored).toMatchObject({ format: "webp", width: prepared.widths[index] });
      expect(stored.exif).toBeUndefined();
      expect(stored.xmp).toBeUndefined();
      expect(variant.bytes.includes(Buffer.from("PhoneCo"))).toBe(false);
      expect(variant.label).toBe(String(prepared.widths[index]));
    }
  });

  it("stores a picture narrower than 1600 at its own width, never larger", () => {
    expect(storedWidths(2400)).toEqual([1600, 800]);
    expect(storedWidths(1000)).toEqual([1000, 800]);
    expect(storedWidths(800)).toEqual([800]);
    expect(storedWidths(120)).toEqual([120]);
  });

  it("turns a photo upright by its EXIF orientation before the orientation is dropped", async () => {
    const sideways = await picture(60, 30).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const prepared = await prepareAttachment(sideways, "phone.jpg");
    expect([prepared.width, prepared.height]).toEqual([30, 60]);
    const stored = await sharp(prepared.variants[0]!.bytes).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([30, 60, undefined]);
  });

  it("reads the type from the content: a PNG named .jpg, a GIF named .txt", async () => {
    const png = await picture(40, 40).png().toBuffer();
    expect(await prepareAttachment(png, "photo.jpg")).toMatchObject({
      kind: "IMAGE",
      widths: [40],
    });
    const gif = await picture(30, 20).gif().toBuffer();
    expect(await prepareAttachment(gif, "notes.txt")).toMatchObject({
      kind: "IMAGE",
      widths: [30],
    });
  });

  it("keeps transparency", async () => {
    const clear = await sharp({
      create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const prepared = await prepareAttachment(clear, "icon.png");
    expect((await sharp(prepared.variants[0]!.bytes).metadata()).hasAlpha).toBe(true);
  });

  it("refuses a decompression bomb (20,000 × 20,000) from its header, before decoding", async () => {
    const bomb = pngHeaderOnly(20_000, 20_000);
    expect(bomb.length).toBeLessThan(2000);
    const error = await refusal(prepareAttachment(bomb, "huge.png"));
    expect(error.status).toBe(413);
    expect(error.message).toBe(
      "That picture is too large to process (20000 × 20000 pixels); send one of at most 50 megapixels.",
    );
  });

  it("refuses a picture cut short", async () => {
    const whole = await picture(200, 200).jpeg().toBuffer();
    const error = await refusal(prepareAttachment(whole.subarray(0, 300), "cut.jpg"));
    expect(error).toMatchObject({ status: 400, message: expect.stringMatching(/can't be read/) });
  });
});

describe("files", () => {
  it("keeps a PDF as sent, named for what it is even when called .png", async () => {
    expect(await prepareAttachment(PDF, "report.pdf")).toMatchObject({
      kind: "FILE",
      contentType: "application/pdf",
      name: "report.pdf",
      widths: [],
      variants: [{ label: "original", bytes: PDF }],
    });
    expect(await prepareAttachment(PDF, "scan.png")).toMatchObject({
      kind: "FILE",
      contentType: "application/pdf",
      name: "scan.png.pdf",
    });
  });

  it("takes UTF-8 text as text; the extension only picks which text type", async () => {
    const csv = Buffer.from("name,city\nZoë,Zürich\n");
    expect(await prepareAttachment(csv, "people.csv")).toMatchObject({
      contentType: "text/csv; charset=utf-8",
      name: "people.csv",
    });
    expect(await prepareAttachment(Buffer.from("# Notes\n"), "notes.md")).toMatchObject({
      contentType: "text/markdown; charset=utf-8",
    });
    expect(await prepareAttachment(Buffer.from("plain"), "readme")).toMatchObject({
      contentType: "text/plain; charset=utf-8",
      name: "readme.txt",
    });
  });

  it.each([
    [
      "an ELF executable named .png",
      Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01\x00", "latin1"), Buffer.alloc(120)]),
      "cat.png",
      415,
      /can't be uploaded/,
    ],
    [
      "a Windows program",
      Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]),
      "setup.pdf",
      415,
      /can't be uploaded/,
    ],
    [
      "an HTML page named .png",
      Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>"),
      "cat.png",
      415,
      /^Web pages \(HTML\) can't be uploaded/,
    ],
    [
      "HTML without a doctype",
      Buffer.from("  <html><body onload=alert(1)>"),
      "page.txt",
      415,
      /^Web pages/,
    ],
    [
      "an SVG with a script",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      "logo.svg",
      415,
      /^SVG images can't be uploaded; export it as PNG/,
    ],
    [
      "an SVG with an XML declaration, named .png",
      Buffer.from(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      ),
      "logo.png",
      415,
      /^SVG images/,
    ],
    [
      "binary that is not UTF-8",
      Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80, 0x81]),
      "data.txt",
      415,
      /can't be uploaded/,
    ],
    ["text with NUL", Buffer.from("abc\u0000def"), "data.txt", 415, /can't be uploaded/],
    ["an empty file", Buffer.alloc(0), "empty.txt", 400, /^That file is empty\.$/],
    [
      "a file over 10 MB",
      Buffer.alloc(MAX_FILE_BYTES + 1, 0x41),
      "big.txt",
      413,
      /^That file is too large: send at most 10 MB\.$/,
    ],
  ])("refuses %s", async (_what, bytes, name, status, message) => {
    const error = await refusal(prepareAttachment(bytes, name));
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  it("cleans the name: no folders, no control characters", async () => {
    const prepared = await prepareAttachment(PDF, "../../etc/re\u0007port.pdf");
    expect(prepared.name).toBe("report.pdf");
  });
});

describe("profile photos", () => {
  it("crops the centre square and stores 256, 96 and 48 without metadata", async () => {
    const prepared = await prepareAvatar(await jpegWithGps(300, 200), "me.jpg");
    expect(prepared).toMatchObject({ kind: "AVATAR", widths: [256, 96, 48] });
    for (const [index, side] of [256, 96, 48].entries()) {
      const stored = await sharp(prepared.variants[index]!.bytes).metadata();
      expect([stored.format, stored.width, stored.height, stored.exif]).toEqual([
        "webp",
        side,
        side,
        undefined,
      ]);
    }
  });

  it("crops the member's square, and refuses one outside the picture", async () => {
    // Left half red, right half blue: a crop of the right half is blue.
    const halves = await sharp({
      create: { width: 200, height: 100, channels: 3, background: { r: 255, g: 0, b: 0 } },
    })
      .composite([
        {
          input: {
            create: { width: 100, height: 100, channels: 3, background: { r: 0, g: 0, b: 255 } },
          },
          left: 100,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    const prepared = await prepareAvatar(halves, "me.png", { x: 100, y: 0, size: 100 });
    const { dominant } = await sharp(prepared.variants[2]!.bytes).stats();
    expect(dominant.b).toBeGreaterThan(200);
    expect(dominant.r).toBeLessThan(50);
    const error = await refusal(prepareAvatar(halves, "me.png", { x: 150, y: 0, size: 100 }));
    expect(error).toMatchObject({
      status: 400,
      message: "The crop area must lie inside the picture.",
    });
  });

  it("refuses a file that is not a picture", async () => {
    const error = await refusal(prepareAvatar(PDF, "me.jpg"));
    expect(error).toMatchObject({
      status: 415,
      message: expect.stringMatching(/^A profile photo must be/),
    });
  });
});
