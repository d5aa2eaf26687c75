/** Tolerations: key/value syntax, operator rules, and `tolerationSeconds` only with NoExecute. */
import { isLabelValue } from '../../k8s/syntax';
import { apiRule, fix } from '../helpers/api-rule';
import { t } from '../../l10n';

export const tolerationInvalid = apiRule({
  meta: {
    id: 'toleration-invalid',
    title: 'Toleration the API server rejects',
    description:
      'A toleration matches taints by `key`, `operator` and `value`. `operator: Exists` matches any value, so `value` must be empty; an empty `key` is only allowed with `Exists` (tolerate every taint); `tolerationSeconds` only applies to `NoExecute` taints (how long the pod stays after the taint appears), so another effect is rejected; `Lt` and `Gt` need an alpha feature gate. Keys and values follow label syntax.',
    bad: 'tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n    value: "true"\n    effect: NoSchedule\n    tolerationSeconds: 30',
    good: 'tolerations:\n  - key: node.kubernetes.io/not-ready\n    operator: Exists\n    effect: NoSchedule',
    fix: 'Remove the `value` of an `Exists` toleration (preferred) or change the operator to `Equal`; for `tolerationSeconds`, remove it (preferred: the DaemonSet controller recreates an evicted daemon pod, so a finite NoExecute toleration makes it loop) or set `effect: NoExecute`.',
  },
  explain(e) {
    const d = e.error.detail;
    if (/value must be empty/.test(d)) return t('`operator: Exists` matches any value of the key: remove `value`, or use `operator: Equal`');
    if (/tolerationSeconds/.test(d))
      return t('`tolerationSeconds` says how long the pod stays on a node after a NoExecute taint appears; other effects never evict');
    if (/key` is empty/.test(d)) return t("Without a `key` a toleration matches every taint, which only `operator: Exists` can express: set the taint's key");
    if (e.error.type === 'FieldValueNotSupported' && /"Lt"/.test(d))
      return t('`Lt` and `Gt` need the alpha feature gate TaintTolerationComparisonOperators, off by default in Kubernetes 1.36');
    return undefined;
  },
  fixes(e, ctx) {
    const d = e.error.detail;
    const tol = e.field.slice(0, -1);
    const written = ctx.value?.spec?.template?.spec?.tolerations?.[tol[tol.length - 1] as number] ?? {};
    if (/value must be empty/.test(d)) {
      const equal = typeof written.value === 'string' && isLabelValue(written.value).length === 0 && typeof written.key === 'string' && written.key !== '';
      return [
        ...fix(t('Remove value (match any value)'), [ctx.edits.removeKey([...tol, 'value'])], true),
        ...(equal ? fix(t('Change operator to Equal'), [ctx.edits.setValue([...tol, 'operator'], 'Equal')]) : []),
      ];
    }
    if (/tolerationSeconds/.test(d)) {
      // Preferred: a finite tolerationSeconds on NoExecute makes a daemon pod loop (evicted, then
      // recreated by the controller, which ignores it), so NoExecute is rarely what a DaemonSet wants.
      return [
        ...fix(t('Remove tolerationSeconds'), [ctx.edits.removeKey([...tol, 'tolerationSeconds'])], true),
        ...fix(t('Set effect to NoExecute'), ctx.edits.setPath([...tol, 'effect'], 'NoExecute')),
      ];
    }
    return undefined;
  },
});
