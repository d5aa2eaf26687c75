/**
 * The reverse remedy: keep the DaemonSet off a node it would run on, with a required node
 * affinity `NotIn` on the node's hostname label (added to every term, since terms are ORed).
 */
import { list } from '../util/list';
import type { NodePlacement } from '../placement/types';
import { plainOrQuoted } from '../yaml/edits';
import { POD, type PathSeg, type TextEdit } from '../yaml/types';
import { t } from '../l10n';
import type { Candidate, RemedyContext } from './types';

const REQUIRED: readonly PathSeg[] = [...POD, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'];
const HOSTNAME = 'kubernetes.io/hostname';

export function excludeNode(ctx: RemedyContext, node: NodePlacement): Candidate | undefined {
  const value = node.labels[HOSTNAME];
  if (!value) return undefined;
  const expr = `key: ${HOSTNAME}\noperator: NotIn\nvalues:\n  - ${plainOrQuoted(value)}`;
  const required = ctx.value?.spec?.template?.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const terms = list<any>(required?.nodeSelectorTerms);
  const edits: TextEdit[] = [];
  if (terms.length === 0) {
    const block = `\nnodeSelectorTerms:\n  - matchExpressions:\n      - ${expr.replace(/\n/g, '\n        ')}`;
    const e = ctx.edits.setPath([...REQUIRED], block);
    if (!e) return undefined;
    edits.push(...e);
  } else {
    for (let ti = 0; ti < terms.length; ti++) {
      const exprs = list<any>(terms[ti]?.matchExpressions);
      const base: PathSeg[] = [...REQUIRED, 'nodeSelectorTerms', ti, 'matchExpressions'];
      const existing = exprs.findIndex((e) => e?.key === HOSTNAME && e?.operator === 'NotIn' && Array.isArray(e?.values));
      const e =
        existing >= 0
          ? (ctx.edits.appendItem([...base, existing, 'values'], plainOrQuoted(value)) ??
            ctx.edits.replaceValue(
              [...base, existing, 'values'],
              `[${[...exprs[existing].values, value].map((v: string) => plainOrQuoted(String(v))).join(', ')}]`,
            ))
          : exprs.length > 0
            ? ctx.edits.appendItem(base, expr)
            : undefined;
      if (!e) return undefined;
      edits.push(e);
    }
  }
  return { kind: 'exclude-node', title: t('Exclude node {0} (required affinity {1} NotIn)', node.name, HOSTNAME), edits };
}
