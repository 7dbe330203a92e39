// TAP sources that a value known only at deployment may leave out (TapSource.when): enumerated
// from every option of an array chosen by a condition, each entry once, and turned into
// indeterminate verdicts by the engine.
import { describe, expect, test } from 'vitest';
import { analyze, arm } from '../deploy/helpers.js';
import { describeSource, mayCoexist, nicName, tapOf, tapSources, type TapSource } from '../../src/graph/vtap.js';
import oneConfig from '../../rules/vtap-one-config-per-nic.js';
import { Unknown } from '../../src/expr/value.js';
import { runRules } from '../../src/engine/run-rules.js';
import { defineRule } from '../../src/engine/rule.js';
import { spanText } from '../../src/engine/finding.js';
import { DEFAULT_CONFIG } from '../../src/engine/config.js';

const TAP = "resource tap 'Microsoft.Network/virtualNetworkTaps@2023-09-01' existing = { name: 'hub-tap' }";
const TAP2 = "resource tap2 'Microsoft.Network/virtualNetworkTaps@2023-09-01' existing = { name: 'other-tap' }";

/** A Bicep NIC whose ipConfiguration sets `virtualNetworkTaps: <taps>`. */
function nicWith(taps: string, extra: string[] = []) {
  return analyze({
    'main.bicep': [
      'param enableTap bool',
      'param second bool',
      TAP,
      TAP2,
      "resource nic 'Microsoft.Network/networkInterfaces@2023-09-01' = {",
      "  name: 'web-nic'",
      "  location: 'eastus'",
      `  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { virtualNetworkTaps: ${taps} } } ] }`,
      '}',
      ...extra,
    ].join('\n'),
  }).a.graph;
}

// Which TAP: as the template names it (its symbolic name), whatever its name.
const tapName = (s: TapSource) => (s.tap.kind === 'resource' ? s.tap.resource.identityName : s.tap.kind);

describe('maybe-sources', () => {
  test('an entry of an array chosen by a condition is a source that may not exist; the deciding value is the condition', () => {
    const sources = tapSources(nicWith('enableTap ? [ { id: tap.id } ] : []'));
    expect(sources.map((s) => [s.declaration, tapName(s)])).toEqual([['ipconfig', 'tap']]);
    const when = sources[0]?.when;
    expect(when).toBeInstanceOf(Unknown);
    expect(when?.reason.message).toContain('enableTap');
    expect(spanText(sources[0]!.tapId.span)).toBe('tap.id');
  });

  test('an entry in every option is certain, one in some options is not, and each is listed once', () => {
    const sources = tapSources(nicWith('enableTap ? [ { id: tap.id }, { id: tap2.id } ] : [ { id: tap.id } ]'));
    expect(sources.map((s) => [tapName(s), s.when !== undefined])).toEqual([
      ['tap', false],
      ['tap2', true],
    ]);
  });

  test('certain sources come before maybe-sources, whatever the declaration order', () => {
    const g = nicWith('enableTap ? [ { id: tap.id } ] : []', [
      "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2023-09-01' = { parent: nic, name: 'cfg', properties: { virtualNetworkTap: { id: tap2.id } } }",
    ]);
    expect(tapSources(g).map((s) => [s.declaration, s.when !== undefined])).toEqual([
      ['child', false],
      ['ipconfig', true],
    ]);
  });

  test('nested conditions: an entry of a list chosen inside a chosen list is a maybe-source', () => {
    const sources = tapSources(nicWith("enableTap ? (second ? [ { id: tap.id } ] : [ { id: tap2.id } ]) : []"));
    expect(sources.map((s) => [tapName(s), s.when !== undefined])).toEqual([
      ['tap', true],
      ['tap2', true],
    ]);
  });

  test('an id that may be null makes a maybe-source of its TAP (ipConfiguration entry and tap configuration)', () => {
    const g = nicWith('[ { id: enableTap ? tap.id : null } ]', [
      "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2023-09-01' = { parent: nic, name: 'cfg', properties: { virtualNetworkTap: enableTap ? { id: tap2.id } : null } }",
    ]);
    const sources = tapSources(g);
    expect(sources.map((s) => [s.declaration, tapName(s), s.when !== undefined])).toEqual([
      ['ipconfig', 'tap', true],
      ['child', 'tap2', true],
    ]);
  });

  test('an id chosen between two TAPs is a certain source whose TAP is not known', () => {
    const sources = tapSources(nicWith('[ { id: enableTap ? tap.id : tap2.id } ]'));
    expect(sources.map((s) => [s.tap.kind, s.when])).toEqual([['none', undefined]]);
  });

  test('a parameter array without a value gives no source (as before)', () => {
    const g = analyze({
      'main.bicep': [
        'param taps array',
        "resource nic 'Microsoft.Network/networkInterfaces@2023-09-01' = { name: 'n', location: 'eastus', properties: { ipConfigurations: [ { name: 'c', properties: { virtualNetworkTaps: taps } } ] } }",
      ].join('\n'),
    }).a.graph;
    expect(tapSources(g)).toEqual([]);
  });

  test('ARM JSON: if() over createArray, inline tapConfigurations and a scale set ipConfiguration', () => {
    const tapId = "resourceId('Microsoft.Network/virtualNetworkTaps', 'hub-tap')";
    const { a } = analyze({
      'main.json': arm(
        [
          {
            type: 'Microsoft.Network/networkInterfaces',
            apiVersion: '2019-08-01',
            name: 'web-nic',
            location: 'eastus',
            properties: {
              ipConfigurations: [{ name: 'ipconfig1', properties: { virtualNetworkTaps: `[if(parameters('enableTap'), createArray(createObject('id', ${tapId})), createArray())]` } }],
              tapConfigurations: `[if(parameters('enableTap'), createArray(createObject('name', 'cfg', 'properties', createObject('virtualNetworkTap', createObject('id', ${tapId})))), createArray())]`,
            },
          },
          {
            type: 'Microsoft.Compute/virtualMachineScaleSets',
            apiVersion: '2024-03-01',
            name: 'pool',
            location: 'eastus',
            properties: {
              virtualMachineProfile: {
                networkProfile: {
                  networkInterfaceConfigurations: [
                    { name: 'nc', properties: { ipConfigurations: [{ name: 'ic', properties: { virtualNetworkTaps: `[if(parameters('enableTap'), createArray(createObject('id', ${tapId})), createArray())]` } }] } },
                  ],
                },
              },
            },
          },
        ],
        { parameters: { enableTap: { type: 'bool' } } },
      ),
    });
    const sources = tapSources(a.graph);
    expect(sources.map((s) => [s.declaration, s.tap.kind, s.when !== undefined]).sort()).toEqual([
      ['inline', 'external', true],
      ['ipconfig', 'external', true],
      ['scaleset', 'external', true],
    ]);
  });
});

describe('verdicts about maybe-sources', () => {

  test('a fail about a maybe-source is indeterminate, names the deciding value and points at the source', () => {
    const g = nicWith('enableTap ? [ { id: tap.id } ] : []');
    const rule = defineRule(
      { id: 'test-rule', name: 'TestRule', shortDescription: '', fullDescription: '', defaultLevel: 'error', tags: [], precision: 'high' },
      '',
      (ctx) => {
        for (const s of tapSources(ctx.graph)) ctx.fail({ message: `'${nicName(s.nic)}' is mirrored`, span: s.tapId.span, resource: s.holder, sources: [s] });
      },
    );
    const { outcomes } = runRules(g, [rule], DEFAULT_CONFIG);
    expect(outcomes).toHaveLength(1);
    const [o] = outcomes;
    expect(o?.verdict.kind).toBe('review');
    expect(o?.level).toBe('note');
    const source = tapSources(g)[0] as TapSource;
    expect(o?.verdict.message).toBe(`'web-nic' is mirrored (if ${describeSource(source)} is a TAP source: it depends on a value that is unknown: the parameter 'enableTap' has no value (no default, parameters file or -p value))`);
    expect(o?.verdict.related?.map((r) => [spanText(r.span), r.message])).toEqual([
      ['{ id: tap.id }', "the TAP source, which may not exist: the virtualNetworkTaps entry of 'web-nic'"],
      ['param enableTap bool', "the value that decides whether the virtualNetworkTaps entry of 'web-nic' is a TAP source"],
    ]);
  });

  test('the source a conditional chooses is pointed at in the branch that holds it, not at the whole conditional', () => {
    const at = (taps: string, extra: string[] = []) => tapSources(nicWith(taps, extra)).map((s) => [s.declaration, spanText(s.at.span), spanText(s.tapId.span)]);
    // The entry of the branch's array.
    expect(at('enableTap ? [ { id: tap.id } ] : []')).toEqual([['ipconfig', '{ id: tap.id }', 'tap.id']]);
    expect(at('enableTap ? [] : [\n  { id: tap.id }\n]')).toEqual([['ipconfig', '{ id: tap.id }', 'tap.id']]);
    // Nested conditionals: each entry in its own branch.
    expect(at('enableTap ? (second ? [ { id: tap.id } ] : [ { id: tap2.id } ]) : []')).toEqual([
      ['ipconfig', '{ id: tap.id }', 'tap.id'],
      ['ipconfig', '{ id: tap2.id }', 'tap2.id'],
    ]);
    // An id or a whole object that may be null: the branch that sets it.
    expect(
      at('[ { id: enableTap ? tap.id : null } ]', [
        "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2023-09-01' = { parent: nic, name: 'cfg', properties: { virtualNetworkTap: enableTap ? null : { id: tap2.id } } }",
      ]),
    ).toEqual([
      ['ipconfig', '{ id: enableTap ? tap.id : null }', 'tap.id'],
      ['child', "resource cfg 'Microsoft.Network/networkInterfaces/tapConfigurations@2023-09-01' = { parent: nic, name: 'cfg', properties: { virtualNetworkTap: enableTap ? null : { id: tap2.id } } }", 'tap2.id'],
    ]);
  });

  test('ARM JSON: the entry inside the chosen createArray() of an if()', () => {
    const tapId = "resourceId('Microsoft.Network/virtualNetworkTaps', 'hub-tap')";
    const { a } = analyze({
      'main.json': arm(
        [
          {
            type: 'Microsoft.Network/networkInterfaces',
            apiVersion: '2024-05-01',
            name: 'web-nic',
            location: 'eastus',
            properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { virtualNetworkTaps: `[if(parameters('enableTap'), createArray(createObject('id', ${tapId})), createArray())]` } }] },
          },
        ],
        { parameters: { enableTap: { type: 'bool' } } },
      ),
    });
    expect(tapSources(a.graph).map((s) => spanText(s.at.span))).toEqual([`createObject('id', ${tapId})`]);
  });

  test('a fail about a certain source stays a fail', () => {
    const g = nicWith('[ { id: tap.id } ]');
    const rule = defineRule(
      { id: 'test-rule', name: 'TestRule', shortDescription: '', fullDescription: '', defaultLevel: 'error', tags: [], precision: 'high' },
      '',
      (ctx) => {
        for (const s of tapSources(ctx.graph)) ctx.fail({ message: 'x', span: s.tapId.span, resource: s.holder, sources: [s] });
      },
    );
    expect(runRules(g, [rule], DEFAULT_CONFIG).outcomes.map((o) => [o.verdict.kind, o.level])).toEqual([['fail', 'error']]);
    expect(tapOf(tapSources(g)[0] as TapSource)).toBeUndefined();
  });
});

describe('sources chosen from different options', () => {
  test('two entries one value chooses from disjoint options never exist together; entries in a shared option do', () => {
    const sources = tapSources(nicWith('enableTap ? [ { id: tap.id } ] : [ { id: tap2.id } ]'));
    expect(sources.map((s) => [tapName(s), [...(s.options ?? [])]])).toEqual([
      ['tap', [0]],
      ['tap2', [1]],
    ]);
    expect(mayCoexist(sources[0]!, sources[1]!)).toBe(false);
    const both = tapSources(nicWith('enableTap ? [ { id: tap.id }, { id: tap2.id } ] : []'));
    expect(mayCoexist(both[0]!, both[1]!)).toBe(true);
  });

  test('vtap-one-config-per-nic: a NIC gets one TAP configuration whichever option is chosen, two when an option holds two', () => {
    const kinds = (taps: string) => runRules(nicWith(taps), [oneConfig], DEFAULT_CONFIG).outcomes.map((o) => [o.verdict.kind, o.verdict.message.replace(/ \(if .*$/, '')]);
    expect(kinds('enableTap ? [ { id: tap.id } ] : [ { id: tap2.id } ]')).toEqual([]);
    expect(kinds('enableTap ? [ { id: tap.id }, { id: tap2.id } ] : []')).toEqual([
      ['review', "NIC 'web-nic' gets 2 TAP configurations, this IP configuration virtualNetworkTaps entry is the 2nd; a network interface can have only one: keep one TAP configuration and mirror to one TAP"],
    ]);
    expect(kinds('enableTap ? [ { id: tap.id }, { id: tap2.id } ] : [ { id: tap.id } ]')).toEqual([
      ['review', "NIC 'web-nic' gets 2 TAP configurations, this IP configuration virtualNetworkTaps entry is the 2nd; a network interface can have only one: keep one TAP configuration and mirror to one TAP"],
    ]);
    expect(kinds('[ { id: tap.id }, { id: tap2.id } ]').map(([k]) => k)).toEqual(['fail']);
  });
});
