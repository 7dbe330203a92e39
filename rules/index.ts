// The rule registry: every rule vtaplint ships, in a stable order (SARIF ruleIndex follows it).
import type { Rule } from '../src/engine/rule.js';
import invalidTemplate from './invalid-template.js';
import evaluationError from './evaluation-error.js';
import limitExceeded from './limit-exceeded.js';
import unusedSuppression from './unused-suppression.js';
import vtapSupportedRegion from './vtap-supported-region.js';
import vtapDestinationType from './vtap-destination-type.js';
import vtapSourceVmSizeV6 from './vtap-source-vm-size-v6.js';

export const RULES: readonly Rule[] = [invalidTemplate, evaluationError, limitExceeded, unusedSuppression, vtapSupportedRegion, vtapDestinationType, vtapSourceVmSizeV6];
