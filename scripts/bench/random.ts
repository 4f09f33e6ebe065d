// A small seeded random source, so that a bench seed with the same --seed is the same data.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index in [0, length) biased towards 0: `power` 1 is uniform, higher is more skewed. */
  skewedIndex(length: number, power: number): number;
  /** `count` distinct indices in [0, length) (all of them when count >= length). */
  distinctIndices(length: number, count: number, power?: number): number[];
  shuffle<T>(items: T[]): T[];
}

/** mulberry32: fast, and good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    skewedIndex: (length, power) => Math.min(length - 1, Math.floor(length * next() ** power)),
    distinctIndices(length, count, power = 1) {
      if (count >= length) return Array.from({ length }, (_, i) => i);
      if (count * 2 > length) {
        return random.shuffle(Array.from({ length }, (_, i) => i)).slice(0, count);
      }
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(random.skewedIndex(length, power));
      return [...chosen];
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
  return random;
}

/**
 * Ids shaped like Prisma's cuid() (a "c" and 24 lower-case base-36 characters), unique within
 * a run by a counter and across runs by a time-based prefix.
 */
export function createIdFactory(random: Random, now = Date.now()) {
  const prefix = now.toString(36).slice(-6).padStart(6, "0");
  let counter = 0;
  return () => {
    counter += 1;
    let tail = "";
    while (tail.length < 10) tail += Math.floor(random.next() * 36).toString(36);
    return `c${prefix}${counter.toString(36).padStart(8, "0")}${tail}`;
  };
}
