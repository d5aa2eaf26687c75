/** Rules for what hurts node agents in production (one file per rule). */
import type { Rule } from '../types';

export const practiceRules: Rule[] = [];
