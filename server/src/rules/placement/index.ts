/** Rules judged against a node inventory (sample, file or cluster). */
import type { Rule } from '../types';
import { excludedByTaint } from './excluded-by-taint';
import { noMatchingNodes } from './no-matching-nodes';
import { archNotConstrained } from './arch-not-constrained';
import { osNotConstrained } from './os-not-constrained';
import { pendingPods } from './pending-pods';
import { unknownNodeLabel } from './unknown-node-label';

export const placementRules: Rule[] = [noMatchingNodes, unknownNodeLabel, excludedByTaint, pendingPods, osNotConstrained, archNotConstrained];
