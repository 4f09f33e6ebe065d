// Names the bench seed and the benchmark agree on.

/** The title of the discussion that has exactly BENCH_THREAD_REPLIES replies. */
export const BENCH_THREAD_TITLE = "Bench: discussion with 100 replies";
export const BENCH_THREAD_REPLIES = 100;

/** The account the benchmark signs in with (password: the demo password). */
export const BENCH_ACCOUNT = { email: "bench@example.com", name: "Bench Runner" } as const;

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
} as const;

/** Where bench-seed records what it made and bench writes its results (git-ignored). */
export const BENCH_DATA_DIR = ".data/bench";
