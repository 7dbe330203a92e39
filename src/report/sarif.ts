// SARIF 2.1.0 as GitHub code scanning and the VS Code SARIF viewer read it: the full rules[] with
// help, relative artifact URIs against %SRCROOT%, exact regions, related locations, stable
// partialFingerprints, and tool notifications for files that could not be analysed.
import { pathToFileURL } from 'node:url';
import type { LintResult } from '../engine/lint.js';
import { pathInsideRoot } from '../engine/lint.js';
import { compareFindings, sarifLevel, type Finding, type FindingLocation } from '../engine/finding.js';
import { FINGERPRINT_KEY } from '../engine/baseline.js';
import type { Rule } from '../engine/rule.js';
import { REPOSITORY, helpUri } from './json.js';
import { writeWithArray } from './streamed-json.js';
import { sourceRoot } from '../discover/source-root.js';
import { absentRank, findingRank, keptIndexes, leftOutMessage } from './sarif-limit.js';

export { FINGERPRINT_KEY };
const SRCROOT = '%SRCROOT%';

interface SarifOptions {
  version: string;
  /** Run start/end times (omitted in tests for byte-identical output). */
  startTime?: string;
  endTime?: string;
  /**
   * At most this many results (code scanning's limit, sarif-limit.ts, for the Action's log): the
   * most important are kept and a notification says how many were left out. No limit by default:
   * a log used as a baseline must have every result.
   */
  maxResults?: number;
  /**
   * Whether the baseline's results this run no longer has are written (baselineState 'absent';
   * default true). Code scanning ignores baselineState (docs.github.com, SARIF support for code
   * scanning, result object: "the rest of the supported fields are ignored") and makes every result
   * an alert, so the Action's file, which is uploaded there, leaves them out.
   */
  absent?: boolean;
}

/**
 * An absolute `file:` URI with every path segment percent-encoded (as the relative URIs are), the
 * drive letter of a Windows path kept as it is.
 */
export function fileUri(file: string): string {
  const url = pathToFileURL(file);
  const segments = url.pathname.split('/').map((s) => (/^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(decodeURIComponent(s))));
  return `file://${url.host}${segments.join('/')}`;
}

/**
 * Where a file is: inside the lint root a relative URI reference against %SRCROOT% (each segment
 * encoded, the slashes kept); outside it (a parameters file named from elsewhere) an absolute
 * `file:` URI and no uriBaseId, as SARIF forbids an absolute path under a base.
 */
export function artifactLocation(root: string, file: string): { uri: string; uriBaseId?: string } {
  const rel = pathInsideRoot(root, file);
  if (rel === undefined) return { uri: fileUri(file) };
  return {
    uri: rel
      .split('/')
      .map((s) => encodeURIComponent(s))
      .join('/'),
    uriBaseId: SRCROOT,
  };
}

function physical(root: string, loc: FindingLocation) {
  const { start, end } = loc.region;
  return {
    artifactLocation: artifactLocation(root, loc.file.path),
    region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
  };
}

export function ruleDescriptor(rule: Rule) {
  const m = rule.meta;
  return {
    id: m.id,
    name: m.name,
    shortDescription: { text: m.shortDescription },
    fullDescription: { text: m.fullDescription },
    help: { text: `${m.fullDescription} See ${helpUri(m.id)}`, markdown: rule.docs },
    helpUri: helpUri(m.id),
    defaultConfiguration: { level: m.defaultLevel },
    properties: { tags: m.tags, precision: m.precision },
  };
}

export function formatSarif(result: LintResult, rules: readonly Rule[], opts: SarifOptions): string {
  const pieces: string[] = [];
  writeSarif(result, rules, opts, (s) => pieces.push(s));
  return pieces.join('');
}

/** The SARIF log, written a result at a time (see writeWithArray). Returns how many results opts.maxResults left out. */
export function writeSarif(result: LintResult, rules: readonly Rule[], opts: SarifOptions, write: (s: string) => void): { leftOut: number } {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  // URIs relative to the repository's top folder when the root is inside one (source-root.ts).
  const base = result.sourceRoot ?? sourceRoot(result.root);
  const root = base.endsWith('/') ? base : `${base}/`;
  // Suppressed findings stay in the log (with suppressions[]), so reviewers and code scanning see them.
  const all: Finding[] = [...result.findings, ...(result.suppressed ?? [])].sort(compareFindings);
  const resultOf = (f: Finding): Record<string, unknown> => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? -1,
    // An indeterminate verdict (kind "review") has the level "none" (sarifLevel); GitHub code
    // scanning keeps it, as an alert of severity "none".
    level: sarifLevel(f),
    kind: f.kind,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: physical(base, f.location),
        ...(f.logical ? { logicalLocations: [{ fullyQualifiedName: f.logical, kind: 'resource' }] } : {}),
      },
    ],
    ...(f.related.length
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(base, r), message: { text: r.message } })) }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.suppressions
      ? {
          suppressions: f.suppressions.map((s) => ({
            kind: s.kind,
            status: 'accepted',
            ...(s.justification ? { justification: s.justification } : {}),
            location: { physicalLocation: physical(base, s.location) },
          })),
        }
      : {}),
    ...(f.baselineState ? { baselineState: f.baselineState } : {}),
  });
  // The baseline's results this run no longer has, as they were, marked absent.
  const absent = (opts.absent === false ? [] : (result.absent ?? [])).map((a) => {
    const { ruleIndex: _old, ...raw } = a.raw;
    const i = index.get(a.ruleId);
    // A result of a kind other than fail has the level none (SARIF 2.1.0 §3.27.10), also one from
    // a baseline written before vtaplint gave it that level.
    const level = raw.kind !== undefined && raw.kind !== 'fail' ? { level: 'none' } : {};
    return { ...raw, ...level, ...(i !== undefined ? { ruleIndex: i } : {}), baselineState: 'absent' };
  });
  const total = all.length + absent.length;
  const kept = opts.maxResults === undefined ? undefined : keptIndexes([...all.map(findingRank), ...absent.map((a) => absentRank((a as { level?: unknown }).level))], opts.maxResults);
  const leftOut = kept ? total - kept.size : 0;
  // A path that matched nothing (a typo in a CI path list) is a failure of the run (the CLI exits 2,
  // the Action fails): an error notification, and the run is not successful (SARIF 3.20.14).
  const missing = result.missing ?? [];
  const notifications = [
    ...missing.map((m) => ({ level: 'error', message: { text: `no files match '${m}'` } })),
    ...result.notifications.map((n) => ({
      level: n.level,
      message: { text: n.message.split('\n')[0] ?? n.message },
      ...(n.file ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(base, n.file), ...(n.at ? { region: { startLine: n.at.line, startColumn: n.at.column } } : {}) } }] } : {}),
    })),
    ...(leftOut > 0 ? [{ level: 'warning', message: { text: leftOutMessage(leftOut, total, opts.maxResults as number) } }] : []),
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vtaplint',
            version: opts.version,
            semanticVersion: opts.version,
            informationUri: REPOSITORY,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: fileUri(root) } },
        invocations: [
          {
            executionSuccessful: missing.length === 0 && !result.notifications.some((n) => n.level === 'error'),
            ...(opts.startTime ? { startTimeUtc: opts.startTime } : {}),
            ...(opts.endTime ? { endTimeUtc: opts.endTime } : {}),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: [] as unknown[],
      },
    ],
  };
  const results = function* () {
    for (let i = 0; i < all.length; i++) if (!kept || kept.has(i)) yield resultOf(all[i] as Finding);
    for (let i = 0; i < absent.length; i++) if (!kept || kept.has(all.length + i)) yield absent[i];
  };
  writeWithArray(sarif, 'results', 3, results(), write);
  return { leftOut };
}
