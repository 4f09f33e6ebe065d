// Profile limits, shared by the zod schema and the form's hints and counters.
export const PROFILE_LIMITS = {
  name: 80,
  title: 100,
  team: 60,
  bio: 2000,
  skillLength: 40,
  skillsPerKind: 20,
} as const;
