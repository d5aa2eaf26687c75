/** `node-role.kubernetes.io/master` without its `control-plane` twin: no longer matches current control-plane nodes. */
import { plainOrQuoted } from '../../yaml/edits';
import type { PathSeg } from '../../yaml/types';
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { toleratesTaint } from '../../placement/tolerations';
import { isObject, POD, podSpec, tolerations } from '../helpers/pod';
import { nodeList, placementOf } from '../helpers/placement';
import type { RuleContext } from '../types';

export const MASTER = 'node-role.kubernetes.io/master';
export const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

/** A toleration as YAML lines (for appendItem), with `key` replaced. */
function tolerationYaml(t: Record<string, any>, key: string): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(t)) {
    const value = k === 'key' ? key : v;
    if (value === null || value === undefined) continue;
    lines.push(`${k}: ${typeof value === 'string' ? plainOrQuoted(value) : JSON.stringify(value)}`);
  }
  return lines.join('\n');
}

/**
 * What the inventory says about a toleration of only the old taint: the control-plane nodes it
 * leaves out (they carry the new taint) and the ones it still covers (they carry the old one).
 */
function tolerationFacts(ctx: RuleContext, effect: string): { excluded: string[]; oldTainted: string[]; where: string; sample: boolean } | undefined {
  const p = placementOf(ctx);
  if (!p) return undefined;
  const excluded: string[] = [];
  const oldTainted: string[] = [];
  for (const n of p.result.nodes) {
    if (n.verdict === 'excluded' && n.reasons.some((r) => r.taint?.key === CONTROL_PLANE && r.taint.effect === effect)) excluded.push(n.name);
    else if (n.taints.some((tt) => tt.key === MASTER) && !n.taints.some((tt) => tt.key === CONTROL_PLANE)) oldTainted.push(n.name);
  }
  return { excluded, oldTainted, where: p.where, sample: ctx.inventory?.source === 'sample' };
}

function tolerationMessage(ctx: RuleContext, effect: string): string {
  const head = t('This toleration only covers the `{0}` taint, which kubeadm stopped adding in Kubernetes 1.25.', MASTER);
  const add = t('Add the same toleration for `{0}`.', CONTROL_PLANE);
  const f = tolerationFacts(ctx, effect);
  let body: string;
  if (f && f.excluded.length > 0 && f.sample)
    body = t(
      'On {0}, {1} control-plane node(s) carry `{2}:{3}` and get no pod ({4}); so would yours if its control-plane nodes were set up by kubeadm 1.25 or later.',
      f.where,
      f.excluded.length,
      CONTROL_PLANE,
      effect,
      nodeList(f.excluded, 3),
    );
  else if (f && f.excluded.length > 0)
    body = t(
      'On {0}, {1} control-plane node(s) carry `{2}:{3}` and get no pod: {4}.',
      f.where,
      f.excluded.length,
      CONTROL_PLANE,
      effect,
      nodeList(f.excluded, 3),
    );
  else if (f && f.oldTainted.length > 0)
    body = t(
      'On {0} the control-plane nodes still carry the old taint ({1}), so the DaemonSet runs there today; clusters set up by kubeadm 1.25 or later taint them `{2}:{3}` instead, and there it gets no pod.',
      f.where,
      nodeList(f.oldTainted, 3),
      CONTROL_PLANE,
      effect,
    );
  else body = t('Control-plane nodes set up by kubeadm 1.25 or later carry `{0}:{1}` instead; on them the DaemonSet gets no pod.', CONTROL_PLANE, effect);
  return `${head} ${body} ${add}`;
}

export const deprecatedMasterTaint: Rule = {
  meta: {
    id: 'deprecated-master-taint',
    category: 'practice',
    defaultSeverity: 'warning',
    title: '`node-role.kubernetes.io/master` without `node-role.kubernetes.io/control-plane`',
    description:
      'kubeadm stopped labelling control-plane nodes `node-role.kubernetes.io/master` in Kubernetes 1.24 and stopped tainting them with it in 1.25; they now carry `node-role.kubernetes.io/control-plane` (label, and taint `NoSchedule`). Judged against the inventory: the message names the control-plane nodes that get no pod, or says that the nodes of the inventory still carry the old taint (OpenShift and older kubeadm clusters do), so it runs there today. A DaemonSet that only tolerates the old taint does not run on current control-plane nodes (the log shipper or CNI agent silently misses them), one that selects the old label runs nowhere, and one that excludes it (`DoesNotExist`/`NotIn`) now lands on control-plane nodes too.',
    severityNote:
      'Warning: on any current cluster the manifest does not do what it says, and nothing fails visibly (the DaemonSet just has fewer, or more, pods).',
    bad: 'tolerations:\n  - key: node-role.kubernetes.io/master\n    effect: NoSchedule',
    good: 'tolerations:\n  - key: node-role.kubernetes.io/master\n    effect: NoSchedule\n  - key: node-role.kubernetes.io/control-plane\n    effect: NoSchedule',
    fix: 'Tolerations and exclusions (`NotIn`, `DoesNotExist`): adds the `control-plane` twin beside the old entry, so old and new clusters both work. Selections (`nodeSelector`, `In`, `Exists`): renames the key to `control-plane`, a label every node of the role has carried since 1.20.',
  },
  check(ctx) {
    const spec = podSpec(ctx.value);
    if (!spec) return [];
    const out: Finding[] = [];
    const tols = tolerations(spec);
    for (const { t: tol, index } of tols) {
      if (tol.key !== MASTER) continue;
      const effect = typeof tol.effect === 'string' && tol.effect ? tol.effect : 'NoSchedule';
      if (tols.some((o) => toleratesTaint(o.t, { key: CONTROL_PLANE, value: typeof tol.value === 'string' ? tol.value : '', effect }))) continue;
      const edit = ctx.edits.appendItem([...POD, 'tolerations'], tolerationYaml(tol, CONTROL_PLANE));
      out.push({
        rule: 'deprecated-master-taint',
        path: [...POD, 'tolerations', index, 'key'],
        message: tolerationMessage(ctx, effect),
        fixes: edit ? [{ title: t('Add a toleration for {0}', CONTROL_PLANE), isPreferred: true, edits: [edit] }] : undefined,
      });
    }
    if (isObject(spec.nodeSelector) && MASTER in spec.nodeSelector && !(CONTROL_PLANE in spec.nodeSelector)) {
      const path = [...POD, 'nodeSelector', MASTER];
      const edit = ctx.edits.renameKey(path, CONTROL_PLANE);
      out.push({
        rule: 'deprecated-master-taint',
        path,
        target: 'key',
        message: t(
          'nodeSelector `{0}` selects a label kubeadm stopped setting in Kubernetes 1.24, so on current clusters the DaemonSet runs on no node. Select `{1}` instead (set on control-plane nodes since 1.20).',
          MASTER,
          CONTROL_PLANE,
        ),
        fixes: edit ? [{ title: t('Select {0} instead', CONTROL_PLANE), isPreferred: true, edits: [edit] }] : undefined,
      });
    }
    const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (Array.isArray(terms)) {
      terms.forEach((term: any, ti: number) => {
        const exprs = term?.matchExpressions;
        if (!Array.isArray(exprs)) return;
        const exprsPath: PathSeg[] = [
          ...POD,
          'affinity',
          'nodeAffinity',
          'requiredDuringSchedulingIgnoredDuringExecution',
          'nodeSelectorTerms',
          ti,
          'matchExpressions',
        ];
        exprs.forEach((e: any, ei: number) => {
          if (!isObject(e) || e.key !== MASTER) return;
          const excludes = e.operator === 'NotIn' || e.operator === 'DoesNotExist';
          if (excludes) {
            // Expressions of one term are ANDed: the twin must sit in the same term.
            if (exprs.some((o: any) => isObject(o) && o.key === CONTROL_PLANE && o.operator === e.operator)) return;
            const edit = ctx.edits.appendItem(exprsPath, tolerationYaml(e, CONTROL_PLANE));
            out.push({
              rule: 'deprecated-master-taint',
              path: [...exprsPath, ei, 'key'],
              message: t(
                'This expression excludes nodes labelled `{0}`, a label kubeadm stopped setting in Kubernetes 1.24, so on current clusters it no longer keeps the DaemonSet off control-plane nodes. Add the same expression for `{1}`.',
                MASTER,
                CONTROL_PLANE,
              ),
              fixes: edit ? [{ title: t('Also exclude {0}', CONTROL_PLANE), isPreferred: true, edits: [edit] }] : undefined,
            });
          } else {
            // Terms are ORed: a twin in any term keeps control-plane nodes selected.
            if (terms.some((tt: any) => Array.isArray(tt?.matchExpressions) && tt.matchExpressions.some((o: any) => isObject(o) && o.key === CONTROL_PLANE)))
              return;
            const edit = ctx.edits.setValue([...exprsPath, ei, 'key'], CONTROL_PLANE);
            out.push({
              rule: 'deprecated-master-taint',
              path: [...exprsPath, ei, 'key'],
              message: t(
                'This expression selects nodes labelled `{0}`, a label kubeadm stopped setting in Kubernetes 1.24, so on current clusters it matches no node. Use `{1}` (set on control-plane nodes since 1.20).',
                MASTER,
                CONTROL_PLANE,
              ),
              fixes: edit ? [{ title: t('Select {0} instead', CONTROL_PLANE), isPreferred: true, edits: [edit] }] : undefined,
            });
          }
        });
      });
    }
    return out;
  },
};
