// The hashes behind uniqueString() and guid(), as Azure Resource Manager computes them:
// - uniqueString: the arguments joined with '-', UTF-8, hashed with the MurmurHash64 variant of
//   Microsoft.PowerPlatform.ResourceStack (two 32-bit lanes), the 64-bit result written as 13
//   base32 characters (a-z2-7), most significant bits first.
// - guid: a name-based UUID (version 5, SHA-1) of the '-'-joined arguments (UTF-8) in the ARM
//   namespace 11fb06fb-712d-4ddd-98c7-e71bbd588830.
import { createHash } from '../model/lazy-builtins.js';

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}

function mul(a: number, b: number): number {
  return Math.imul(a, b) >>> 0;
}

function le32(d: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = n - 1; k >= 0; k--) v = (v << 8) | (d[i + k] as number);
  return v >>> 0;
}

function fmix(h: number): number {
  h = (h ^ (h >>> 16)) >>> 0;
  h = mul(h, 0x85ebca6b);
  h = (h ^ (h >>> 13)) >>> 0;
  h = mul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const C1 = 0x239b961b; // 597399067
const C2 = 0xab0e9789; // 2869860233

/** The 64-bit hash as [high, low] 32-bit halves. */
export function murmurHash64(data: Uint8Array): [number, number] {
  const len = data.length;
  let h1 = 0;
  let h2 = 0;
  let i = 0;
  for (; i + 7 < len; i += 8) {
    let k1 = le32(data, i, 4);
    let k2 = le32(data, i + 4, 4);
    k1 = mul(rotl(mul(k1, C1), 15), C2);
    h1 = (h1 ^ k1) >>> 0;
    h1 = (rotl(h1, 19) + h2) >>> 0;
    h1 = (mul(h1, 5) + 0x561ccd1b) >>> 0;
    k2 = mul(rotl(mul(k2, C2), 17), C1);
    h2 = (h2 ^ k2) >>> 0;
    h2 = (rotl(h2, 13) + h1) >>> 0;
    h2 = (mul(h2, 5) + 0x0bcaa747) >>> 0;
  }
  const tail = len - i;
  if (tail > 0) {
    const k1 = mul(rotl(mul(le32(data, i, Math.min(4, tail)), C1), 15), C2);
    h1 = (h1 ^ k1) >>> 0;
    if (tail > 4) {
      const k2 = mul(rotl(mul(le32(data, i + 4, tail - 4), C2), 17), C1);
      h2 = (h2 ^ k2) >>> 0;
    }
  }
  h1 = (h1 ^ len) >>> 0;
  h2 = (h2 ^ len) >>> 0;
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  return [h2, h1];
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function uniqueString(args: readonly string[]): string {
  const [hi, lo] = murmurHash64(Buffer.from(args.join('-'), 'utf8'));
  let v = (BigInt(hi) << 32n) | BigInt(lo);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out += BASE32[Number((v >> 59n) & 31n)];
    v = (v << 5n) & 0xffffffffffffffffn;
  }
  return out;
}

const ARM_NAMESPACE = Buffer.from('11fb06fb712d4ddd98c7e71bbd588830', 'hex');

export function armGuid(args: readonly string[]): string {
  const hash = createHash('sha1').update(ARM_NAMESPACE).update(Buffer.from(args.join('-'), 'utf8')).digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x50;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
