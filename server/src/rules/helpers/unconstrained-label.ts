/** Shared by os-not-constrained and arch-not-constrained: nodes that differ in a label the DaemonSet does not select on. */
import type { Finding } from '../types';
import type { RuleContext } from '../types';
import { firstPresent, placementOf } from './placement';
import { t } from '../../l10n';

/** Does the DaemonSet constrain a label key anywhere (nodeSelector or required affinity)? */
function constrains(ds: any, key: string): boolean {
  const spec = ds?.spec?.template?.spec;
  if (spec?.nodeSelector && typeof spec.nodeSelector === 'object' && key in spec.nodeSelector) return true;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return (
    Array.isArray(terms) &&
    terms.length > 0 &&
    terms.every((t: any) => Array.isArray(t?.matchExpressions) && t.matchExpressions.some((e: any) => e?.key === key))
  );
}

/**
 * `describe` words the finding from the nodes per label value; `sample`: judged against the bundled
 * sample cluster, so it says what would happen on a cluster like it, not what happens on yours.
 */
export function unconstrained(
  ctx: RuleContext,
  key: string,
  id: string,
  describe: (values: Map<string, string[]>, sample: boolean) => string | undefined,
): Finding[] {
  const p = placementOf(ctx);
  if (!p || constrains(ctx.value, key)) return [];
  const byValue = new Map<string, string[]>();
  for (const n of p.result.nodes) {
    if (n.verdict === 'excluded') continue;
    const v = n.labels[key] ?? t('(unlabelled)');
    const names = byValue.get(v);
    if (names) names.push(n.name);
    else byValue.set(v, [n.name]);
  }
  if (byValue.size < 2) return [];
  const sample = ctx.inventory?.source === 'sample';
  const message = describe(byValue, sample);
  if (!message) return [];
  const path = firstPresent(ctx.value, [
    ['spec', 'template', 'spec', 'nodeSelector'],
    ['spec', 'template', 'spec'],
  ]);
  return [{ rule: id, path, target: 'key', message: sample ? `${message}.` : `${message} (${p.where}).` }];
}
