// Date functions: dateTimeAdd, dateTimeFromEpoch, dateTimeToEpoch, utcNow (deployment-time).
// Durations are ISO 8601 with XmlConvert semantics (P1M = 30 days, P1Y = 365 days).
import { Unknown } from '../value.js';
import { expectInt, expectString } from './args.js';
import type { FnDef } from './types.js';

/** A time zone at the end of a date-time text as Date.parse reads them ('GMT', 'EST', '+0200', '14:53:14-05:00'). */
const NAMED_ZONE = /(?:\b(?:UTC?|GMT|Z|[ECMP][SD]T)|(?:\s|\d:\d\d(?::\d\d(?:\.\d+)?)?|GMT|UTC?)[+-]\d\d:?\d\d)\s*(?:\([^)]*\))?$/i;

/** Parses an ARM date-time (ISO 8601 / "yyyy-MM-dd HH:mm:ssZ"); milliseconds since the epoch. */
export function parseDateTime(s: string): number | undefined {
  const t = s.trim().replace(' ', 'T');
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) {
    // Other forms ('4/7/2020 2:53:14 PM', as the docs print dates): Date.parse reads them in the
    // time zone of the machine vtaplint runs on; Azure, which runs in UTC, reads them as UTC, as
    // the ISO form without a zone is read above. A zone written in the text still counts.
    if (NAMED_ZONE.test(s.trim())) {
      const d = Date.parse(s);
      return Number.isNaN(d) ? undefined : d;
    }
    const utc = Date.parse(`${s.trim()} UTC`);
    if (!Number.isNaN(utc)) return utc;
    const local = Date.parse(s);
    return Number.isNaN(local) ? undefined : local - new Date(local).getTimezoneOffset() * 60000;
  }
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  // Not Date.UTC(): it takes the years 0 to 99 for 1900 to 1999 ('0001-01-02' was 1901).
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  date.setUTCHours(Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
  let v = date.getTime();
  const tz = m[8];
  if (tz && tz.toUpperCase() !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    v -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
  }
  return Number.isNaN(v) ? undefined : v;
}

/** Parses an ISO 8601 duration; milliseconds (negative with a leading '-'). */
export function parseDuration(s: string): number | undefined {
  const m = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s.trim());
  if (!m || s.trim() === 'P' || /T$/.test(s.trim())) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  const days = n(2) * 365 + n(3) * 30 + n(4) * 7 + n(5);
  const ms = ((days * 24 + n(6)) * 60 + n(7)) * 60000 + Math.round(n(8) * 1000);
  return m[1] ? -ms : ms;
}

/** .NET DateTime's range, in milliseconds since the epoch: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z. */
const MIN_DATE_TIME = -62135596800000;
const MAX_DATE_TIME = 253402300799999;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** .NET date-time formatting (UTC, invariant culture) for the standard and custom format strings ARM users write. */
export function formatDateTime(ms: number, format: string | undefined): string {
  const d = new Date(ms);
  let f = format ?? '';
  if (f === '') {
    const frac = d.getUTCMilliseconds();
    return `${d.toISOString().slice(0, 19)}${frac ? `.${pad(frac, 3)}` : ''}Z`;
  }
  // The invariant culture's patterns: utcNow('d') is documented as 03/05/2019, not en-US 3/5/2019.
  const std: Record<string, string> = {
    d: 'MM/dd/yyyy',
    D: 'dddd, dd MMMM yyyy',
    f: 'dddd, dd MMMM yyyy HH:mm',
    F: 'dddd, dd MMMM yyyy HH:mm:ss',
    g: 'MM/dd/yyyy HH:mm',
    G: 'MM/dd/yyyy HH:mm:ss',
    M: 'MMMM dd',
    m: 'MMMM dd',
    o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'",
    O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'",
    r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    t: 'HH:mm',
    T: 'HH:mm:ss',
    u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    U: 'dddd, dd MMMM yyyy HH:mm:ss',
    y: 'yyyy MMMM',
    Y: 'yyyy MMMM',
  };
  if (f.length === 1 && std[f]) f = std[f] as string;
  let out = '';
  let i = 0;
  while (i < f.length) {
    const ch = f[i] as string;
    if (ch === "'" || ch === '"') {
      const j = f.indexOf(ch, i + 1);
      out += f.slice(i + 1, j < 0 ? f.length : j);
      i = j < 0 ? f.length : j + 1;
      continue;
    }
    if (ch === '\\') {
      out += f[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '%') {
      i++;
      continue;
    }
    let n = 1;
    while (f[i + n] === ch) n++;
    i += n;
    const h = d.getUTCHours();
    switch (ch) {
      case 'y':
        out += n === 1 ? String(d.getUTCFullYear() % 100) : n === 2 ? pad(d.getUTCFullYear() % 100) : pad(d.getUTCFullYear(), n);
        break;
      case 'M':
        out += n === 1 ? String(d.getUTCMonth() + 1) : n === 2 ? pad(d.getUTCMonth() + 1) : n === 3 ? MONTHS[d.getUTCMonth()]!.slice(0, 3) : MONTHS[d.getUTCMonth()]!;
        break;
      case 'd':
        out += n === 1 ? String(d.getUTCDate()) : n === 2 ? pad(d.getUTCDate()) : n === 3 ? DAYS[d.getUTCDay()]!.slice(0, 3) : DAYS[d.getUTCDay()]!;
        break;
      case 'H':
        out += n === 1 ? String(h) : pad(h);
        break;
      case 'h':
        out += n === 1 ? String(h % 12 || 12) : pad(h % 12 || 12);
        break;
      case 'm':
        out += n === 1 ? String(d.getUTCMinutes()) : pad(d.getUTCMinutes());
        break;
      case 's':
        out += n === 1 ? String(d.getUTCSeconds()) : pad(d.getUTCSeconds());
        break;
      case 't':
        out += n === 1 ? (h < 12 ? 'A' : 'P') : h < 12 ? 'AM' : 'PM';
        break;
      case 'f':
      case 'F': {
        let frac = (pad(d.getUTCMilliseconds(), 3) + '0000').slice(0, n);
        if (ch === 'F') frac = frac.replace(/0+$/, '');
        out += frac;
        break;
      }
      case 'K':
      case 'z':
        out += ch === 'K' ? 'Z' : n === 1 ? '+0' : n === 2 ? '+00' : '+00:00';
        break;
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}

export const dateFunctions: FnDef[] = [
  {
    name: 'dateTimeAdd',
    min: 2,
    max: 3,
    returns: 'string',
    impl: (args, env) => {
      const base = expectString(env, args, 0);
      if (base instanceof Unknown) return base;
      const dur = expectString(env, args, 1);
      if (dur instanceof Unknown) return dur;
      let format: string | undefined;
      if (args.length > 2) {
        const f = expectString(env, args, 2);
        if (f instanceof Unknown) return f;
        format = f;
      }
      const t = parseDateTime(base);
      if (t === undefined) return env.error(`The value '${base}' is not a valid date-time.`, 0);
      const d = parseDuration(dur);
      if (d === undefined) return env.error(`The value '${dur}' is not a valid ISO 8601 duration.`, 1);
      // A sum past .NET's DateTime range is an error in ARM; here it was a date JavaScript cannot
      // format either (toISOString() throws: an internal error that failed the whole run).
      const sum = t + d;
      if (!(sum >= MIN_DATE_TIME && sum <= MAX_DATE_TIME)) {
        return env.error(`The duration '${dur}' added to '${base}' gives a date-time outside 0001-01-01 to 9999-12-31.`, 1);
      }
      return formatDateTime(sum, format);
    },
  },
  {
    name: 'dateTimeFromEpoch',
    min: 1,
    max: 1,
    returns: 'string',
    impl: (args, env) => {
      const n = expectInt(env, args, 0);
      if (n instanceof Unknown) return n;
      // .NET's DateTimeOffset.FromUnixTimeSeconds range: 0001-01-01 to 9999-12-31T23:59:59Z.
      if (!Number.isInteger(n) || n < MIN_DATE_TIME / 1000 || n > Math.floor(MAX_DATE_TIME / 1000)) {
        return env.error(`The epoch value '${n}' is out of range: it must be between ${MIN_DATE_TIME / 1000} and ${Math.floor(MAX_DATE_TIME / 1000)}.`, 0);
      }
      return formatDateTime(n * 1000, undefined);
    },
  },
  {
    name: 'dateTimeToEpoch',
    min: 1,
    max: 1,
    returns: 'int',
    impl: (args, env) => {
      const s = expectString(env, args, 0);
      if (s instanceof Unknown) return s;
      const t = parseDateTime(s);
      if (t === undefined) return env.error(`The value '${s}' is not a valid date-time.`, 0);
      return Math.floor(t / 1000);
    },
  },
  {
    name: 'utcNow',
    min: 0,
    max: 1,
    returns: 'string',
    impl: (_args, env) => env.unknown('deployment-time', 'utcNow() is the time of the deployment', 'string'),
  },
];
