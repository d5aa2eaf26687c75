/** `maxUnavailable` / `maxSurge`: syntax, range, and exactly one of them non-zero. */
import type { Fix } from '../types';
import type { RuleContext } from '../types';
import { apiRule, fix } from '../helpers/api-rule';
import type { ApiError } from '../helpers/api-errors';
import { t } from '../../l10n';

const RU = ['spec', 'updateStrategy', 'rollingUpdate'];

export const rollingUpdateParams = apiRule({
  meta: {
    id: 'rolling-update-params',
    title: 'Invalid `maxUnavailable` / `maxSurge`',
    description:
      'A rolling update of a DaemonSet either removes old pods first (`maxUnavailable`) or starts the new pod beside the old one (`maxSurge`): exactly one of the two must be non-zero. Each is an integer ≥ 0 or a percentage such as `"10%"` (at most 100%). The trap: an omitted `maxUnavailable` is **defaulted to 1** by the API server, so a manifest that only sets `maxSurge: 1` is rejected with `may not be set when maxUnavailable is non-zero` — set `maxUnavailable: 0` beside it.',
    bad: 'updateStrategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: 1        # maxUnavailable defaults to 1',
    good: 'updateStrategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: 1\n    maxUnavailable: 0',
    fix: 'Set `maxUnavailable: 0` beside `maxSurge` (preferred) or remove `maxSurge`; when both are zero, set `maxUnavailable: 1`; rewrite a malformed percentage such as `"10 %"`.',
  },
  explain(e, ctx) {
    const d = e.error.detail;
    const ru = ctx.value?.spec?.updateStrategy?.rollingUpdate ?? {};
    if (/may not be set when maxUnavailable is non-zero/.test(d)) {
      if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) {
        return t('`maxUnavailable` is not set and the API server defaults it to 1, so both are non-zero: add `maxUnavailable: 0` to surge');
      }
      return t('A DaemonSet update either surges (`maxSurge`) or removes old pods first (`maxUnavailable`), not both: set `maxUnavailable: 0` to surge');
    }
    if (/cannot be 0 when maxSurge is 0/.test(d))
      return t('With both at zero the update could never replace a pod: set one of them (`maxUnavailable: 1` is the default)');
    if (/greater than 100%/.test(d)) return t('A percentage of nodes cannot exceed 100%');
    if (/valid percent string/.test(d)) return t('Use an integer or a percentage such as "10%"');
    return undefined;
  },
  fixes(e, ctx) {
    const d = e.error.detail;
    if (/may not be set when maxUnavailable is non-zero/.test(d)) {
      return [
        ...fix(t('Set maxUnavailable to 0 (surge new pods)'), ctx.edits.setPath([...RU, 'maxUnavailable'], '0'), true),
        ...fix(t('Remove maxSurge'), [ctx.edits.removeKey([...RU, 'maxSurge'])]),
      ];
    }
    if (/cannot be 0 when maxSurge is 0/.test(d)) return fix(t('Set maxUnavailable to 1'), ctx.edits.setPath([...RU, 'maxUnavailable'], '1'), true);
    if (/valid percent string/.test(d)) return percentFix(e, ctx);
    return undefined;
  },
});

/** `"10 %"`, `" 10%"` → `"10%"`; `"10"` → `10`. */
function percentFix(e: ApiError, ctx: RuleContext): Fix[] {
  const v = e.error.badValue;
  if (typeof v !== 'string') return [];
  const pct = /^\s*(\d+)\s*%\s*$/.exec(v);
  if (pct) return fix(t('Change to "{0}%"', pct[1]), ctx.edits.setPath(e.field, `"${pct[1]}%"`), true);
  const n = /^\s*(\d+)\s*$/.exec(v);
  if (n) {
    const num = String(Number(n[1]));
    return [...fix(t('Change to {0}', num), ctx.edits.setPath(e.field, num)), ...fix(t('Change to "{0}%"', num), ctx.edits.setPath(e.field, `"${num}%"`))];
  }
  return [];
}
