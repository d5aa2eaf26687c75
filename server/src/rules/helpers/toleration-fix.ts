/** The remedy "Tolerate <key>:<effect>": a rule's quick fix and a button of the placement panel. */
import type { Fix } from '../types';
import type { Edits } from '../../yaml/edits';
import type { TextEdit } from '../../yaml/types';
import { t } from '../../l10n';

/** A new toleration with operator Exists (any value) and the taint's effect, appended to the pod's tolerations. */
export function tolerateFix(edits: Edits, daemonSet: any, taint: { key: string; effect: string }): Fix | undefined {
  const item = `key: ${taint.key}\noperator: Exists\neffect: ${taint.effect}`;
  const spec = daemonSet?.spec?.template?.spec;
  let edit: TextEdit | undefined;
  if (Array.isArray(spec?.tolerations) && spec.tolerations.length > 0) edit = edits.appendItem(['spec', 'template', 'spec', 'tolerations'], item);
  else if (spec && typeof spec === 'object' && !('tolerations' in spec))
    edit = edits.insertKey(['spec', 'template', 'spec'], 'tolerations', `\n- ${item.replace(/\n/g, '\n  ')}`);
  return edit ? { title: t('Tolerate {0}:{1}', taint.key, taint.effect), isPreferred: true, edits: [edit] } : undefined;
}
