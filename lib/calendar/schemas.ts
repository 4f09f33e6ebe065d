// What the calendar routes accept from the URL.
import { z } from "zod";

/** 32 random bytes in base64url: always 43 characters from this alphabet. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The feed route's last path segment, "<token>.ics", to the token. */
export const feedFileSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}\.ics$/, "Not a calendar feed address.")
  .transform((file) => file.slice(0, -".ics".length));
