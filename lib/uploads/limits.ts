// The limits on uploads, one place (docs/decisions/019-uploads.md).

/** Largest file a member may send. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Multipart framing around the file (boundaries, headers, the crop fields). */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** Everything a member keeps stored (every size of every live upload). */
export const MEMBER_QUOTA_BYTES = 200 * 1024 * 1024;
/** Largest picture decoded (50 megapixels: 8660 × 5773, well above any phone camera). */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Widths an attached picture is stored in, at most; a smaller picture keeps its own. */
export const IMAGE_WIDTHS = [1600, 800] as const;
/** Uploads a member may send per window. */
export const UPLOAD_RATE = { limit: 60, windowSeconds: 60 * 60 } as const;
/** Longest original name kept. */
export const MAX_NAME_LENGTH = 200;

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
