// Names the bench seed and the benchmark agree on.

/** The title of the discussion that has exactly BENCH_THREAD_REPLIES replies. */
export const BENCH_THREAD_TITLE = "Bench: discussion with 100 replies";
export const BENCH_THREAD_REPLIES = 100;

/** The account the benchmark signs in with (password: the demo password). */
export const BENCH_ACCOUNT = { email: "bench@example.com", name: "Bench Runner" } as const;

/**
 * A LEADER account for the pages only leaders see (/insights). Separate from BENCH_ACCOUNT so
 * that the member pages are measured as a member sees them (a leader's discussion list and
 * threads carry pin and moderation controls).
 */
export const BENCH_LEADER_ACCOUNT = {
  email: "bench-leader@example.com",
  name: "Bench Leader",
} as const;

/** Every generated member's address ends with this, which is how bench data is recognised. */
export const BENCH_MEMBER_DOMAIN = "bench.example.com";

/** A word common in the generated text (a topic and a tag), for the search benchmark. */
export const BENCH_SEARCH_WORD = "onboarding";

/** Volumes at --scale 1. */
export const FULL_SCALE = {
  members: 5_000,
  discussions: 20_000,
  replies: 200_000,
  posts: 5_000,
  /** Learning sessions over the seed's history: most past, some upcoming, a few cancelled. */
  sessions: 2_000,
  recognitions: 20_000,
  /** Members open to mentoring (each with a MentorshipProfile and 1–3 places). */
  mentors: 1_000,
  pairings: 600,
  /** Pairing check-ins in all (roughly: they follow each pairing's cadence). */
  checkIns: 6_000,
  /** Mentor requests still waiting for a mentor. */
  waitingRequests: 150,
  /** Responses to each round of the learning-culture pulse survey. */
  surveyResponses: 3_000,
} as const;

/** Rounds of the learning-culture pulse survey (a chain through previousRoundId); not scaled. */
export const SURVEY_ROUNDS = 4;

/** Where bench-seed records what it made and bench writes its results (git-ignored). */
export const BENCH_DATA_DIR = ".data/bench";
