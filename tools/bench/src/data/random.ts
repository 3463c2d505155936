/**
 * Deterministic randomness for the data set: the same seed gives the same rows, so a benchmark result can be
 * reproduced and two runs compared on identical data.
 *
 * mulberry32 has a 32-bit state: cheap enough to create one generator per challenge or per submission, which lets
 * every loader regenerate exactly the values another loader produced (the same submission ids and authors) without
 * holding a million rows in memory.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  u32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the values, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Standard normal (Box-Muller). */
  gaussian(): number {
    const u = 1 - this.next(); // (0, 1]: log(0) is -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** Up to `count` distinct items, in random order (a partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

/** Mixes numbers into one 32-bit seed (murmur3's finalizer per part): independent streams per entity. */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = ((h << 13) | (h >>> 19)) + 0xe6546b64;
    h ^= Math.floor(part / 4294967296); // the high bits of numbers beyond 32 bits (timestamps) count too
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[(value >>> 24) & 0xff]! + HEX[(value >>> 16) & 0xff]! + HEX[(value >>> 8) & 0xff]! + HEX[value & 0xff]!;
}

function hex16(value: number): string {
  return HEX[(value >>> 8) & 0xff]! + HEX[value & 0xff]!;
}

/**
 * Entity kinds inside generated UUIDs: ids of different tables never collide, and a (kind, sequence) pair is unique
 * by construction (no reliance on random bits not colliding across a million rows).
 */
export const UUID_KIND = {
  sponsor: 1,
  solver: 2,
  organization: 3,
  challenge: 4,
  funding: 5,
  submission: 6,
  award: 7,
  payout: 8,
  refund: 9,
  ledgerTransaction: 10,
  scoreCard: 11,
  /** M3's solvers, made at each run (not part of the data set). */
  bulkSolver: 12,
} as const;

/**
 * A UUID v7 (what the entities' `uuidv7()` defaults produce): 48-bit Unix milliseconds, so ids sort like their
 * creation time, as in production. The random part carries the entity kind and its sequence number (< 2^32).
 */
export function uuidV7(ms: number, kind: number, sequence: number, random: number): string {
  const masked = maskSequence(kind, sequence);
  const high = Math.floor(ms / 65536);
  const low = ms % 65536;
  const mixed = Math.imul(random ^ sequence, 0x9e3779b1) >>> 0;
  return (
    `${hex32(high)}-${hex16(low)}-7${hex16(random & 0xfff).slice(1)}-` +
    `${hex16(0x8000 | ((kind & 0x3f) << 8) | ((random >>> 12) & 0xff))}-${hex32(masked)}${hex16(mixed)}`
  );
}

/** A UUID v4 (what the ledger's `randomUUID()` produces), with the same unique (kind, sequence) part. */
export function uuidV4(kind: number, sequence: number, random: number, random2: number): string {
  const masked = maskSequence(kind, sequence);
  return (
    `${hex32(random)}-${hex16(random2 >>> 16)}-4${hex16(random2 & 0xfff).slice(1)}-` +
    `${hex16(0x8000 | ((kind & 0x3f) << 8) | ((random >>> 7) & 0xff))}-${hex32(masked)}${hex16(Math.imul(random2, 0x9e3779b1) >>> 16)}`
  );
}

/** XOR with a per-kind constant: still one value per sequence number, but ids do not show a run of zeros. */
function maskSequence(kind: number, sequence: number): number {
  return (sequence ^ hashSeed(0x5eed, kind)) >>> 0;
}

export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
