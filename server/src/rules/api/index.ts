/** Rules for what the Kubernetes API server rejects (one file per rule, Kubernetes' own wording). */
import type { Rule } from '../types';

export const apiRules: Rule[] = [];
