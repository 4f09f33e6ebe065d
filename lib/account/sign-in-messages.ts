// What the sign-in form says for each refusal (shared by the action and the form, which
// offers a way forward for some of them).
export const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid: "That email and password don't match an account. Check both and try again.",
  rate_limited:
    "Too many failed attempts. Wait 15 minutes and try again, reset your password, or ask an admin for help.",
  deactivated: "This account has been deactivated. Ask an admin if you think that's a mistake.",
  unverified:
    "Confirm your email address first: open the link we emailed you when you signed up, then sign in.",
};

export const UNVERIFIED_MESSAGE = SIGN_IN_MESSAGES.unverified!;
