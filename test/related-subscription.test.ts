// A finding that names the subscription of a resource a module deploys (hub-spoke deployments,
// where a module is scoped to another subscription) points at the module scope that sets it, so a
// user sees where '2222...' comes from, not only where the TAP id was passed.
import { describe, expect, test } from 'vitest';
import { findingsOf, type JsonFinding } from './helpers.js';

const at = (f: JsonFinding | undefined): string[] => (f?.related ?? []).map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`);

describe('the subscription a module deploys to is a related location', () => {
  test('vtap-destination-same-subscription: the TAP and its destination deployed by modules scoped to two subscriptions (no tenant review beside it)', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-destination-same-subscription/fail-module-other-subscription.bicep']);
    const main = 'fixtures/vtap-destination-same-subscription/fail-module-other-subscription.bicep';
    const scopes = [
      `${main}:15:24 module 'tap' deploys TAP 'tap' to subscription '22222222-2222-2222-2222-222222222222' here`,
      `${main}:7:24 module 'collector' deploys the destination 'collector-lb' to subscription '33333333-3333-3333-3333-333333333333' here`,
    ];
    expect(at(findings.find((f) => f.ruleId === 'vtap-destination-same-subscription'))).toEqual(expect.arrayContaining(scopes));
    // A destination certainly in another subscription is wrong whatever the tenant: no review says otherwise.
    expect(findings.filter((f) => f.ruleId === 'vtap-cross-subscription')).toEqual([]);
  });

  test('vtap-cross-subscription: a source VM deployed by a module scoped to another subscription', async () => {
    const { findings } = await findingsOf(['fixtures/vtap-cross-subscription/review-module-nic-elsewhere.bicep']);
    const related = at(findings.find((f) => f.ruleId === 'vtap-cross-subscription'));
    expect(related).toContain(
      "fixtures/vtap-cross-subscription/review-module-nic-elsewhere.bicep:19:24 module 'spoke' deploys source NIC 'spoke-nic' to subscription '44444444-4444-4444-4444-444444444444' here",
    );
  });
});
