// Anonymous rows are written in random order, so that their physical order (and a dump's)
// says nothing about who gave which.
import { randomInt } from "node:crypto";

/** A random permutation of `items` (Fisher–Yates with a CSPRNG): the order a batch is written in. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
