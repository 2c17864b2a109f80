// How many distinct values a column has, compared with how many it holds, in bounded
// memory. Exact while the values seen fit in the table; past that, values are kept only
// when their hash falls in a sample (half the hashes, then a quarter, ...), with the number
// of times each was seen, so the share of distinct values is measured on that sample
// (distinct sampling, Gibbons 2001). A column of unique IDs still measures exactly 1.

/** Distinct values tracked at once; at 8 bytes each plus a map entry, a few hundred KB. */
const TABLE_SIZE = 4096;

/** Counts distinct numbers among those added. */
export class DistinctCounter {
  /** Times each sampled value was seen. */
  private readonly seen = new Map<number, number>();
  /** Values are sampled when their hash has this many low zero bits. */
  private level = 0;
  /** Values added whose hash is in the sample, repeats included. */
  private sampled = 0;

  add(value: number): void {
    if (this.level > 0 && (hash(value) & ((1 << this.level) - 1)) !== 0) return;
    this.sampled += 1;
    this.seen.set(value, (this.seen.get(value) ?? 0) + 1);
    if (this.seen.size > TABLE_SIZE) this.thin();
  }

  /** True while every value added is in the table, so `distinct` is a count. */
  get exact(): boolean {
    return this.level === 0;
  }

  /** Distinct values among `total` added: counted, or estimated from the sample. */
  distinct(total: number): number {
    if (this.level === 0) return this.seen.size;
    return this.sampled === 0 ? 0 : Math.round((total * this.seen.size) / this.sampled);
  }

  /** Halve the sample: keep the values whose hash has one more low zero bit. */
  private thin(): void {
    while (this.seen.size > TABLE_SIZE) {
      this.level += 1;
      const mask = (1 << this.level) - 1;
      for (const [value, count] of this.seen) {
        if ((hash(value) & mask) === 0) continue;
        this.seen.delete(value);
        this.sampled -= count;
      }
    }
  }
}

/** A 32-bit hash of a double that holds a whole number (murmur3's finalizer on both halves). */
function hash(value: number): number {
  const low = value >>> 0;
  const high = Math.floor(value / 4294967296) | 0;
  return mix(low ^ mix(high + 0x9e3779b9));
}

function mix(bits: number): number {
  let h = bits | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
