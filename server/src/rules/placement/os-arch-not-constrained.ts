import type { Finding } from '../types';
import type { Rule, RuleContext } from '../types';
import { firstPresent, nodeList, placementOf } from '../helpers/placement';
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

function unconstrained(ctx: RuleContext, key: string, id: string, describe: (values: Map<string, string[]>) => string | undefined): Finding[] {
  const p = placementOf(ctx);
  if (!p || constrains(ctx.value, key)) return [];
  const byValue = new Map<string, string[]>();
  for (const n of p.result.nodes) {
    if (n.verdict === 'excluded') continue;
    const v = n.labels[key] ?? t('(unlabelled)');
    byValue.set(v, [...(byValue.get(v) ?? []), n.name]);
  }
  if (byValue.size < 2) return [];
  const message = describe(byValue);
  if (!message) return [];
  const path = firstPresent(ctx.value, [
    ['spec', 'template', 'spec', 'nodeSelector'],
    ['spec', 'template', 'spec'],
  ]);
  return [{ rule: id, path, target: 'key', message: `${message} (${p.where}).` }];
}

export const osNotConstrained: Rule = {
  meta: {
    id: 'os-not-constrained',
    category: 'placement',
    defaultSeverity: 'warning',
    title: 'Runs on Linux and Windows nodes alike',
    description:
      'The inventory has Linux and Windows nodes and the DaemonSet does not select an operating system, so the controller creates its pod on both; a Linux image fails on a Windows node (and the reverse). Add `kubernetes.io/os` to the nodeSelector.',
    bad: 'nodeSelector: {}',
    good: 'nodeSelector:\n  kubernetes.io/os: linux',
  },
  check: (ctx) =>
    unconstrained(ctx, 'kubernetes.io/os', 'os-not-constrained', (by) => {
      const win = by.get('windows');
      if (!win) return undefined;
      return t(
        'No `kubernetes.io/os` selector: the DaemonSet would also run on {0} Windows node(s) ({1}); add `kubernetes.io/os: linux` (or windows) to the nodeSelector',
        win.length,
        nodeList(win),
      );
    }),
};

export const archNotConstrained: Rule = {
  meta: {
    id: 'arch-not-constrained',
    category: 'placement',
    defaultSeverity: 'information',
    title: 'Runs on nodes of several CPU architectures',
    description:
      'The inventory mixes CPU architectures (amd64 and arm64) and the DaemonSet does not select one, so it runs on all of them. That is right for multi-arch images; a single-arch image crash-loops (`exec format error`) on the other nodes.',
    severityNote: "Information: most public images are multi-arch; the tool cannot see the image's platforms.",
    bad: '# image built for amd64 only, no selector',
    good: 'nodeSelector:\n  kubernetes.io/arch: amd64',
  },
  check: (ctx) =>
    unconstrained(ctx, 'kubernetes.io/arch', 'arch-not-constrained', (by) => {
      const parts = [...by.entries()].map(([arch, nodes]) => t('{0} {1}', nodes.length, arch));
      return t(
        'No `kubernetes.io/arch` selector: the DaemonSet runs on {0} node(s); make sure the image is built for each, or select an architecture',
        parts.reduce((a, b) => t('{0} and {1}', a, b)),
      );
    }),
};
