// CIDR functions: parseCidr, cidrSubnet, cidrHost (IPv4 and IPv6, exact with BigInt).
import { ObjectValue, Unknown } from '../value.js';
import type { Value } from '../value.js';
import { expectInt, expectString } from './args.js';
import type { FnDef, FnEnv } from './types.js';

interface Cidr {
  v6: boolean;
  addr: bigint;
  prefix: number;
  bits: number;
}

function parseV4(s: string): bigint | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let v = 0n;
  for (let i = 1; i <= 4; i++) {
    const n = Number(m[i]);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const a = parse(halves[0] as string);
  const b = halves.length === 2 ? parse(halves[1] as string) : [];
  if (!a || !b) return undefined;
  const fill = 8 - a.length - b.length;
  if ((halves.length === 1 && fill !== 0) || fill < 0) return undefined;
  const groups = [...a, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...b];
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

function parseCidrText(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = s.slice(0, slash);
  const pfx = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(pfx)) return undefined;
  const prefix = Number(pfx);
  const v4 = parseV4(ip);
  if (v4 !== undefined) return prefix <= 32 ? { v6: false, addr: v4, prefix, bits: 32 } : undefined;
  const v6 = parseV6(ip);
  if (v6 !== undefined) return prefix <= 128 ? { v6: true, addr: v6, prefix, bits: 128 } : undefined;
  return undefined;
}

function fmt(v6: boolean, a: bigint): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((a >> s) & 255n)).join('.');
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((a >> BigInt(i * 16)) & 0xffffn));
  // Compress the longest run of two or more zero groups (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function mask(c: Cidr): bigint {
  const all = (1n << BigInt(c.bits)) - 1n;
  return all ^ ((1n << BigInt(c.bits - c.prefix)) - 1n);
}

function cidrArg(env: FnEnv, args: Value[]): Cidr | Unknown {
  const s = expectString(env, args, 0);
  if (s instanceof Unknown) return s;
  const c = parseCidrText(s);
  return c ?? env.error(`The value '${s}' is not a valid CIDR network.`, 0);
}

export const cidrFunctions: FnDef[] = [
  {
    name: 'parseCidr',
    min: 1,
    max: 1,
    returns: 'object',
    impl: (args, env) => {
      const c = cidrArg(env, args);
      if (c instanceof Unknown) return c;
      const m = mask(c);
      const net = c.addr & m;
      const last = net | (((1n << BigInt(c.bits)) - 1n) ^ m);
      const o = new ObjectValue();
      o.set('network', fmt(c.v6, net));
      o.set('netmask', fmt(c.v6, m));
      if (!c.v6) o.set('broadcast', fmt(false, last));
      // IPv4 reserves the network and broadcast addresses (except in /31 and /32); IPv6 has no broadcast.
      const small = !c.v6 && c.prefix >= 31;
      o.set('firstUsable', fmt(c.v6, c.v6 || small ? net : net + 1n));
      o.set('lastUsable', fmt(c.v6, c.v6 || small ? last : last - 1n));
      o.set('cidr', c.prefix);
      return o;
    },
  },
  {
    name: 'cidrSubnet',
    min: 3,
    max: 3,
    returns: 'string',
    impl: (args, env) => {
      const c = cidrArg(env, args);
      if (c instanceof Unknown) return c;
      const n = expectInt(env, args, 1);
      if (n instanceof Unknown) return n;
      const i = expectInt(env, args, 2);
      if (i instanceof Unknown) return i;
      if (n < c.prefix || n > c.bits) return env.error(`The new prefix length '${n}' must be between ${c.prefix} and ${c.bits}.`, 1);
      const count = 1n << BigInt(n - c.prefix);
      if (i < 0 || BigInt(i) >= count) return env.error(`The subnet index '${i}' is out of range (there are ${count} subnets).`, 2);
      const net = (c.addr & mask(c)) + (BigInt(i) << BigInt(c.bits - n));
      return `${fmt(c.v6, net)}/${n}`;
    },
  },
  {
    name: 'cidrHost',
    min: 2,
    max: 2,
    returns: 'string',
    impl: (args, env) => {
      const c = cidrArg(env, args);
      if (c instanceof Unknown) return c;
      const i = expectInt(env, args, 1);
      if (i instanceof Unknown) return i;
      const size = 1n << BigInt(c.bits - c.prefix);
      // Hosts start after the network address; IPv4 also keeps the broadcast address out.
      const usable = c.v6 ? size - 1n : size - 2n;
      if (i < 0 || BigInt(i) >= usable) return env.error(`The host index '${i}' is out of range for the network.`, 1);
      return fmt(c.v6, (c.addr & mask(c)) + BigInt(i) + 1n);
    },
  },
];
