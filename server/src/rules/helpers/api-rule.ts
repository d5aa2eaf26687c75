/** A rule that reports the API server's own errors of one concern (see validation.ts). */
import type { TextEdit } from '../../yaml/types';
import type { Finding, Fix } from '../types';
import type { Rule, RuleContext, RuleMeta } from '../types';
import { apiErrors, type ApiError } from './api-errors';

export interface ApiRuleSpec {
  meta: Omit<RuleMeta, 'category' | 'defaultSeverity'> & Partial<Pick<RuleMeta, 'defaultSeverity'>>;
  /** One plain sentence after Kubernetes' message, when it helps. */
  explain?(e: ApiError, ctx: RuleContext): string | undefined;
  fixes?(e: ApiError, ctx: RuleContext): Fix[] | undefined;
}

export function apiRule(spec: ApiRuleSpec): Rule {
  const meta: RuleMeta = { category: 'api', defaultSeverity: 'error', ...spec.meta };
  return {
    meta,
    check(ctx: RuleContext): Finding[] {
      return apiErrors(ctx)
        .filter((e) => e.rule === meta.id)
        .map((e) => {
          const extra = spec.explain?.(e, ctx);
          const f: Finding = { rule: meta.id, path: e.path, target: e.target, message: extra ? `${e.text}. ${extra}` : e.text };
          const fixes = spec.fixes?.(e, ctx)?.filter((x) => x.edits.length > 0);
          if (fixes?.length) f.fixes = fixes;
          return f;
        });
    },
  };
}

/** A fix from edits that may be missing (no clean edit possible ⇒ no fix). */
export function fix(title: string, edits: Array<TextEdit | undefined> | TextEdit[] | undefined, isPreferred = false): Fix[] {
  if (!edits || edits.length === 0 || edits.some((e) => !e)) return [];
  return [{ title, isPreferred: isPreferred || undefined, edits: edits as TextEdit[] }];
}
