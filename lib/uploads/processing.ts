// What an upload becomes before anything is stored. The type is read from the bytes
// (file-type), never from the name or the type the browser sent. Pictures are decoded by
// sharp under a pixel limit, turned upright, stripped of EXIF/GPS and every other metadata,
// and re-encoded as WebP at the stored widths; other files must be on the allow-list.
import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata, type Sharp } from "sharp";
import { AVATAR_SIZES } from "./avatar-sizes";
import {
  IMAGE_WIDTHS,
  MAX_FILE_BYTES,
  MAX_INPUT_PIXELS,
  MAX_NAME_LENGTH,
  megabytes,
} from "./limits";

/** A refusal whose message is said to the member as it is. */
export class UploadRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 | 429,
  ) {
    super(message);
  }
}

export interface StoredVariant {
  /** The last part of its storage key: the width, or "original" for a file kept as sent. */
  label: string;
  bytes: Buffer;
}

export interface PreparedUpload {
  kind: "IMAGE" | "FILE" | "AVATAR";
  contentType: string;
  name: string;
  width: number | null;
  height: number | null;
  /** Stored widths, largest first (pictures); empty for files. */
  widths: number[];
  variants: StoredVariant[];
}

export interface CropBox {
  x: number;
  y: number;
  size: number;
}

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/** Files kept as sent, by detected type; the extension is the one a download gets. */
const FILE_TYPES = new Map<string, string>([
  ["application/pdf", "pdf"],
  ["application/zip", "zip"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
  ["application/vnd.oasis.opendocument.text", "odt"],
  ["application/vnd.oasis.opendocument.spreadsheet", "ods"],
  ["application/vnd.oasis.opendocument.presentation", "odp"],
]);

const TEXT_TYPES: Record<string, string> = {
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

const ALLOWED =
  "pictures (JPEG, PNG, WebP, GIF), PDF, Word, Excel, PowerPoint, OpenDocument, ZIP and plain text";

const REFUSED_SVG = "SVG images can't be uploaded; export it as PNG and upload that.";
const REFUSED_HTML = "Web pages (HTML) can't be uploaded; save it as PDF, or paste the text.";
const UNREADABLE_PICTURE = "That picture can't be read; it may be damaged or cut short.";

/** A name safe to show and to send back in a download: no folders, no control characters. */
export function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  return (clean || "file").slice(0, MAX_NAME_LENGTH);
}

function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name);
  return match ? match[1]!.toLowerCase() : "";
}

/** The name with the extension of what the file really is ("report.png" holding a PDF → "report.png.pdf"). */
function withExtension(name: string, extension: string): string {
  return extensionOf(name) === extension ? name : `${name}.${extension}`;
}

function checkSize(bytes: Buffer): void {
  if (bytes.length === 0) throw new UploadRefused("That file is empty.", 400);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UploadRefused(
      `That file is too large: send at most ${megabytes(MAX_FILE_BYTES)}.`,
      413,
    );
  }
}

const MARKUP_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|script|iframe|svg)\b/i;

/** Plain text: valid UTF-8 without NUL, and not a web page or an SVG. */
function asText(bytes: Buffer, name: string): PreparedUpload {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UploadRefused(`That type of file can't be uploaded. You can upload ${ALLOWED}.`, 415);
  }
  if (text.includes("\u0000")) {
    throw new UploadRefused(`That type of file can't be uploaded. You can upload ${ALLOWED}.`, 415);
  }
  const head = text.slice(0, 4096);
  if (/<svg[\s>]/i.test(head) && /^\s*(<\?xml|<!--|<!doctype svg|<svg)/i.test(head)) {
    throw new UploadRefused(REFUSED_SVG, 415);
  }
  if (MARKUP_START.test(head)) throw new UploadRefused(REFUSED_HTML, 415);
  const extension = extensionOf(name);
  const contentType = TEXT_TYPES[extension] ?? "text/plain; charset=utf-8";
  const cleanExtension = extension in TEXT_TYPES ? extension : "txt";
  return file(withExtension(name, cleanExtension), contentType, bytes);
}

function file(name: string, contentType: string, bytes: Buffer): PreparedUpload {
  return {
    kind: "FILE",
    contentType,
    name,
    width: null,
    height: null,
    widths: [],
    variants: [{ label: "original", bytes }],
  };
}

type Detected = { family: "image"; mime: string } | { family: "other"; prepared: PreparedUpload };

async function detect(bytes: Buffer, name: string): Promise<Detected> {
  checkSize(bytes);
  const type = await fileTypeFromBuffer(bytes);
  if (!type) return { family: "other", prepared: asText(bytes, name) };
  if (IMAGE_TYPES.has(type.mime)) return { family: "image", mime: type.mime };
  if (type.mime === "image/svg+xml" || type.mime === "application/xml") {
    // file-type names any XML; an SVG inside it is refused by its own message.
    return { family: "other", prepared: asText(bytes, name) };
  }
  const extension = FILE_TYPES.get(type.mime);
  if (!extension) {
    const what = type.mime.startsWith("image/")
      ? `${type.ext.toUpperCase()} pictures can't be uploaded; send a JPEG, PNG, WebP or GIF.`
      : `That type of file (.${type.ext}) can't be uploaded. You can upload ${ALLOWED}.`;
    throw new UploadRefused(what, 415);
  }
  return {
    family: "other",
    prepared: file(withExtension(name, extension), type.mime, bytes),
  };
}

interface Upright {
  width: number;
  height: number;
}

/** The picture's size as shown (EXIF orientation applied), refusing decompression bombs. */
async function uprightSize(bytes: Buffer): Promise<Upright> {
  let metadata: Metadata;
  try {
    // The header only: no pixel is decoded here, so the size can be judged before any is.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UploadRefused(UNREADABLE_PICTURE, 400);
  }
  const { width, height, orientation } = metadata;
  if (!width || !height) throw new UploadRefused(UNREADABLE_PICTURE, 400);
  if (width * height > MAX_INPUT_PIXELS) {
    throw new UploadRefused(
      `That picture is too large to process (${width} × ${height} pixels); send one of at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`,
      413,
    );
  }
  const turned = orientation !== undefined && orientation >= 5;
  return turned ? { width: height, height: width } : { width, height };
}

/** A decoder for the picture: first frame only, under the pixel limit, turned upright. */
const decode = (bytes: Buffer) =>
  sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 }).rotate();

// No withMetadata(): sharp writes no EXIF, GPS, XMP or ICC comments unless asked to.
const encode = (image: Sharp) => image.webp({ quality: 82 }).toBuffer();

async function encoded(work: Promise<Buffer>): Promise<Buffer> {
  try {
    return await work;
  } catch {
    throw new UploadRefused(UNREADABLE_PICTURE, 400);
  }
}

/** The widths a picture this wide is stored at: its own up to the largest, and the smaller ones. */
export function storedWidths(width: number): number[] {
  const largest = Math.min(width, IMAGE_WIDTHS[0]);
  return [largest, ...IMAGE_WIDTHS.filter((w) => w < largest)];
}

async function prepareImage(bytes: Buffer, name: string): Promise<PreparedUpload> {
  const size = await uprightSize(bytes);
  const widths = storedWidths(size.width);
  const variants: StoredVariant[] = [];
  for (const width of widths) {
    const resized = decode(bytes).resize({ width, withoutEnlargement: true });
    variants.push({ label: String(width), bytes: await encoded(encode(resized)) });
  }
  return {
    kind: "IMAGE",
    contentType: "image/webp",
    name,
    width: size.width,
    height: size.height,
    widths,
    variants,
  };
}

/** Checks, then prepares a file for an attachment: a picture re-encoded, or a file as sent. */
export async function prepareAttachment(bytes: Buffer, rawName: string): Promise<PreparedUpload> {
  const name = cleanName(rawName);
  const detected = await detect(bytes, name);
  if (detected.family === "other") return detected.prepared;
  return prepareImage(bytes, name);
}

function cropWithin(size: Upright, crop: CropBox | undefined): CropBox {
  if (!crop) {
    const side = Math.min(size.width, size.height);
    return {
      x: Math.floor((size.width - side) / 2),
      y: Math.floor((size.height - side) / 2),
      size: side,
    };
  }
  const inside =
    crop.size >= 1 && crop.x + crop.size <= size.width && crop.y + crop.size <= size.height;
  if (!inside) throw new UploadRefused("The crop area must lie inside the picture.", 400);
  return crop;
}

/** A profile photo: cropped to a square (the member's choice, or the centre), every avatar size. */
export async function prepareAvatar(
  bytes: Buffer,
  rawName: string,
  crop?: CropBox,
): Promise<PreparedUpload> {
  const name = cleanName(rawName);
  const detected = await detect(bytes, name);
  if (detected.family !== "image") {
    throw new UploadRefused("A profile photo must be a JPEG, PNG, WebP or GIF picture.", 415);
  }
  const size = await uprightSize(bytes);
  const box = cropWithin(size, crop);
  // Turned upright once, so the crop box is read in the picture's shown orientation.
  const upright = await encoded(decode(bytes).png({ compressionLevel: 1 }).toBuffer());
  const variants: StoredVariant[] = [];
  for (const side of AVATAR_SIZES) {
    const square = sharp(upright, { limitInputPixels: MAX_INPUT_PIXELS })
      .extract({ left: box.x, top: box.y, width: box.size, height: box.size })
      .resize(side, side);
    variants.push({ label: String(side), bytes: await encoded(encode(square)) });
  }
  return {
    kind: "AVATAR",
    contentType: "image/webp",
    name,
    width: AVATAR_SIZES[0],
    height: AVATAR_SIZES[0],
    widths: [...AVATAR_SIZES],
    variants,
  };
}
