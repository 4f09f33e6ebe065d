// Safe to import anywhere, including client components (no hashing code here).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
