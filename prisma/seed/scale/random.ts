// Determinism for the city-scale generator: a seeded PRNG and name-based ids.
//
// Ids: a UUID whose first 8 bytes (plus the variant byte) are SHA-1 of the organisation code and the
// row kind, and whose last 7 bytes are a counter. The same code, kind and creation order always give
// the same id; two organisations (different codes) never share one; and ids of one kind ascend in
// creation order, so B-tree inserts are appends. Hashing once per kind instead of once per row keeps
// 1.3 million ids cheap.
import { createHash } from 'node:crypto';

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, 32 bits. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A random stream with the helpers the generator needs. */
export class Random {
  readonly next: () => number;

  constructor(seed: number, label: string) {
    this.next = mulberry32(fnv1a(`${seed}:${label}`));
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('scale seed: pick from an empty list');
    return item;
  }

  /** Roughly normal (sum of three uniforms), mean `mean`, spread about ±`spread`. */
  bell(mean: number, spread: number): number {
    return mean + ((this.next() + this.next() + this.next()) / 1.5 - 1) * spread;
  }
}

/** Makes the ids of one organisation: `next(kind)` is the next id of that kind. */
export class IdFactory {
  private readonly prefixes = new Map<string, { head: string; variant: string }>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly namespace: string) {}

  next(kind: string): string {
    let prefix = this.prefixes.get(kind);
    if (prefix === undefined) {
      const hash = createHash('sha1').update(`zeren-scale:${this.namespace}:${kind}`).digest();
      hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6); // version 5 layout
      hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 4122 variant
      const hex = hash.toString('hex');
      prefix = {
        head: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-`,
        variant: hex.slice(16, 18),
      };
      this.prefixes.set(kind, prefix);
    }
    const count = this.counters.get(kind) ?? 0;
    this.counters.set(kind, count + 1);
    const counter = count.toString(16).padStart(14, '0');
    return `${prefix.head}${prefix.variant}${counter.slice(0, 2)}-${counter.slice(2)}`;
  }
}

/** Splits `total` into integers proportional to `shares` (largest remainder, earlier wins ties). */
export function apportion(shares: readonly number[], total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (sum > 0 ? (share / sum) * total : total / shares.length));
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, i) => ({ i, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    result[i] = (result[i] ?? 0) + 1;
    left--;
  }
  return result;
}
