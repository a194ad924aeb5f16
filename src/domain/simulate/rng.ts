/**
 * Seeded PRNG: xoshiro128** (Blackman & Vigna), seeded through splitmix32 so any number is a usable seed.
 * 32-bit integer arithmetic only (Math.imul), so it is fast in V8 and gives the same stream on every engine.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Box–Muller makes normals in pairs; the second one is kept for the next call. */
  private spare = NaN;

  constructor(seed: number) {
    // Fold the high bits in too, so seeds 1 and 2^32 + 1 differ.
    let s = ((seed >>> 0) ^ Math.floor(Math.abs(seed) / 4294967296)) | 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let t = s ^ (s >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) | 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // the all-zero state is a fixed point
  }

  /** Next 32-bit unsigned integer. */
  nextU32(): number {
    const b = this.b;
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }

  /** Uniform in the open interval (0, 1): never 0, so −ln(u) is always finite. */
  next(): number {
    return (this.nextU32() + 0.5) * 2.3283064365386963e-10;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const sp = this.spare;
    if (sp === sp) {
      this.spare = NaN;
      return sp;
    }
    const r = Math.sqrt(-2 * Math.log(this.next()));
    const th = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(th);
    return r * Math.cos(th);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
