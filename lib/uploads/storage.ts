// Where uploaded bytes live: a local folder by default (the embedded setup), or an
// S3-compatible bucket (UPLOAD_STORAGE=s3), chosen by the environment. Keys are made by the
// app (lib/uploads/keys.ts), never from a member's file name.
import { mkdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { validateEnvironment } from "@/lib/core/env/validate.cjs";

export interface FileStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes stored under the key, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9]+(?:\/[a-z0-9-]+)*$/;

function checkKey(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  return key;
}

export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    return path.join(this.root, ...checkKey(key).split("/"));
  }

  async put(key: string, body: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside then renamed, so a reader never sees half a file.
    const partial = `${target}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, body);
    await rename(partial, target);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const target = this.pathOf(key);
    await rm(target, { force: true });
    // The upload's folder goes with its last size (rmdir refuses while others remain).
    const folder = path.dirname(target);
    if (folder !== this.root) await rmdir(folder).catch(() => undefined);
  }
}

export interface S3Settings {
  bucket: string;
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    const { endpoint, region, accessKeyId, secretAccessKey } = settings;
    this.client = new S3Client({
      endpoint,
      region: region ?? "us-east-1",
      // Path-style addresses (endpoint/bucket/key) work with MinIO, Ceph, s3rver and AWS alike.
      forcePathStyle: true,
      // Checksums only where S3 requires them: S3-compatible servers (MinIO, Ceph, s3rver)
      // do not all know the newer default ones.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: checkKey(key),
        Body: body,
        ContentType: contentType,
        ContentLength: body.length,
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: checkKey(key) }),
      );
      if (!object.Body) return null;
      return Buffer.from(await object.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") {
        return null;
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: checkKey(key) }),
    );
  }
}

/** The storage the environment names; read on each call so tests can switch it. */
export function storageFromEnvironment(
  source: Record<string, string | undefined> = process.env,
): FileStorage {
  const env = validateEnvironment(source);
  if (env.UPLOAD_STORAGE === "s3") {
    return new S3FileStorage({
      bucket: env.S3_BUCKET!,
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    });
  }
  return new LocalFileStorage(path.resolve(env.UPLOAD_DIR ?? path.join(".data", "uploads")));
}

let cached: { signature: string; storage: FileStorage } | null = null;

/** The configured storage, one client per configuration. */
export function fileStorage(): FileStorage {
  const e = process.env;
  const signature = [
    e.UPLOAD_STORAGE,
    e.UPLOAD_DIR,
    e.S3_BUCKET,
    e.S3_ENDPOINT,
    e.S3_REGION,
    e.S3_ACCESS_KEY_ID,
  ].join("|");
  if (cached?.signature !== signature) {
    cached = { signature, storage: storageFromEnvironment(e) };
  }
  return cached.storage;
}
