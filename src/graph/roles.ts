// Role definitions: the permissions blocks of Microsoft.Authorization/roleDefinitions and what
// their action patterns grant. Azure action patterns use "*" as a wildcard and compare
// case-insensitively; an operation is granted when some Actions pattern matches it and no
// NotActions pattern does.
import type { DeployedResource } from '../deploy/model.js';
import type { ResourceGraph } from './graph.js';
import { at, elements, knownElements, type LocatedValue } from '../expr/located.js';
import { Unknown } from '../expr/value.js';
import { deployedOfType } from './vtap.js';

export interface Permission {
  role: DeployedResource;
  /** The permissions[] entry. */
  decl: LocatedValue;
  /** Its actions; of a list known only in part, the ones it surely holds (see `actionsInPart`). */
  actions: LocatedValue[];
  notActions: LocatedValue[];
  /** The actions list, when it is known only in part (the rest is known at deployment). */
  actionsInPart?: LocatedValue | undefined;
  notActionsInPart?: LocatedValue | undefined;
}

export function roleDefinitions(graph: ResourceGraph): DeployedResource[] {
  return deployedOfType(graph, 'Microsoft.Authorization/roleDefinitions');
}

export function permissionsOf(role: DeployedResource): Permission[] {
  return elements(at(role.root, 'properties', 'permissions')).map((decl) => {
    const actions = at(decl, 'actions');
    const notActions = at(decl, 'notActions');
    return {
      role,
      decl,
      actions: [...elements(actions), ...knownElements(actions)],
      notActions: [...elements(notActions), ...knownElements(notActions)],
      actionsInPart: inPart(actions),
      notActionsInPart: inPart(notActions),
    };
  });
}

/** A list that is an array known only in part (some elements known, the rest at deployment). */
function inPart(list: LocatedValue): LocatedValue | undefined {
  return list.value instanceof Unknown && list.value.contains ? list : undefined;
}

// Whether an action pattern (such as "Microsoft.Network/*") matches an operation name.
// Matched without a RegExp: the pattern comes from the template, and a regular expression built
// from it can be too large to compile (a finding must never depend on that) or slow to run.
export function actionMatches(pattern: string, operation: string): boolean {
  const p = pattern.toLowerCase();
  const s = operation.toLowerCase();
  // Two pointers with the last '*' remembered: O(|p| * |s|) at worst, no recursion.
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    if (i < p.length && p[i] !== '*' && p[i] === s[j]) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/** Whether a permissions block grants an operation: some action matches, no notAction does. */
export function grants(p: Permission, operation: string): { granted: boolean; by?: LocatedValue; removedBy?: LocatedValue } {
  const by = p.actions.find((a) => typeof a.value === 'string' && actionMatches(a.value, operation));
  if (!by) return { granted: false };
  const removedBy = p.notActions.find((a) => typeof a.value === 'string' && actionMatches(a.value, operation));
  return removedBy ? { granted: false, by, removedBy } : { granted: true, by };
}
