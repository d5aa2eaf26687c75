/** The rule registry: every rule the service can report, by id. */
import { apiRules } from './api';
import { placementRules } from './placement';
import { practiceRules } from './practice';
import { schemaRules } from './schema';
import type { Rule } from './types';

/** Rules with their own `check`, run on every apps/v1 DaemonSet. */
export const checkRules: Rule[] = [...apiRules, ...practiceRules, ...placementRules];

export const allRules: Rule[] = [...schemaRules, ...checkRules];

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((r) => [r.meta.id, r]));
