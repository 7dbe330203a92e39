import { describe, expect, it } from 'vitest';
import { collectPragmas } from '../../src/bicep/pragmas.js';
import { parse, src } from './helpers.js';

describe('bicep pragmas', () => {
  it('collects directives and vtaplint comments with the lines they apply to', () => {
    const text = [
      '#disable-next-line BCP081 no-unused-params',
      "param a string",
      '// vtaplint-disable-next-line vtap-source-nic, vtap-dest -- mirrored on purpose',
      "resource t 'T@1' = {}",
      '  /* vtaplint-disable-next-line vtap-x */',
      'var b = 1 // vtaplint-disable-next-line other',
      '#disable-diagnostics BCP037',
      '#restore-diagnostics BCP037',
      '// vtaplint-disable-next-lines not-a-pragma',
      '',
    ].join('\n');
    const source = src(text);
    const r = parse(text);
    const pragmas = collectPragmas(source, r.program.trivia);
    expect(pragmas.map(({ kind, ruleIds, reason, line }) => ({ kind, ruleIds, reason, line }))).toEqual([
      { kind: 'disable-next-line', ruleIds: ['BCP081', 'no-unused-params'], reason: undefined, line: 2 },
      { kind: 'vtaplint-disable-next-line', ruleIds: ['vtap-source-nic', 'vtap-dest'], reason: 'mirrored on purpose', line: 4 },
      { kind: 'vtaplint-disable-next-line', ruleIds: ['vtap-x'], reason: undefined, line: 6 },
      { kind: 'vtaplint-disable-next-line', ruleIds: ['other'], reason: undefined, line: 7 },
      { kind: 'disable-diagnostics', ruleIds: ['BCP037'], reason: undefined, line: 7 },
      { kind: 'restore-diagnostics', ruleIds: ['BCP037'], reason: undefined, line: 8 },
    ]);
    expect(pragmas[0]?.span.range()).toEqual({ start: 0, end: 42 });
    expect(r.diagnostics).toEqual([]);
  });

  it('a trailing vtaplint-disable-line is for its own line; ESLint\'s block forms are kept, to be reported', () => {
    const text = [
      "var a = 'x' // vtaplint-disable-line vtap-x -- why", // 1
      '/* vtaplint-disable-line vtap-y */ var b = 1', // 2
      '// vtaplint-disable vtap-z', // 3
      '// vtaplint-enable', // 4
      '// vtaplint-disabled is prose, not a directive', // 5
      '',
    ].join('\n');
    const pragmas = collectPragmas(src(text), parse(text).program.trivia);
    expect(pragmas.map(({ kind, ruleIds, reason, line, directive }) => ({ kind, ruleIds, reason, line, directive }))).toEqual([
      { kind: 'vtaplint-disable-line', ruleIds: ['vtap-x'], reason: 'why', line: 1, directive: undefined },
      { kind: 'vtaplint-disable-line', ruleIds: ['vtap-y'], reason: undefined, line: 2, directive: undefined },
      { kind: 'vtaplint-unsupported', ruleIds: [], reason: undefined, line: 3, directive: 'vtaplint-disable' },
      { kind: 'vtaplint-unsupported', ruleIds: [], reason: undefined, line: 4, directive: 'vtaplint-enable' },
    ]);
  });
});
