/**
 * The apiVersion check that comes before every other: Kubernetes serves DaemonSet only in
 * apps/v1, so a manifest in any other version gets this finding and nothing else.
 */
import { addSelectorEdits } from '../helpers/selector-fixes';
import type { Finding, Fix } from '../types';
import type { DaemonSetRef } from '../../yaml/document';
import type { Edits } from '../../yaml/edits';
import { t } from '../../l10n';

const REMOVED_API_VERSIONS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);

/** The finding for a DaemonSet whose apiVersion is not apps/v1 (missing, removed or unknown). */
export function apiVersionFinding(ds: DaemonSetRef, edits: Edits): Finding {
  const v = ds.apiVersion;
  const fix = edits.setValue(['apiVersion'], 'apps/v1');
  // The group alone is a spelling the API server rejects: mechanical, so fix-all may apply it.
  let fixes: Fix[] | undefined = fix ? [{ title: t('Change apiVersion to apps/v1'), isPreferred: true, safety: 'mechanical', edits: [fix] }] : undefined;
  // The old API versions defaulted the selector from the template labels; apps/v1 requires it.
  // Choosing the selector (immutable, it decides which pods the DaemonSet owns) is a judgement.
  const spec = ds.value?.spec;
  const selector = fix && spec && typeof spec === 'object' && (spec.selector === undefined || spec.selector === null) ? addSelectorEdits(ds, edits) : undefined;
  if (fix && selector)
    fixes = [{ title: t('Change apiVersion to apps/v1 and add spec.selector from the template labels'), isPreferred: true, edits: [fix, ...selector.edits] }];
  if (v === undefined)
    return { rule: 'missing-required', path: [], target: 'key', message: t('Missing `apiVersion`: a DaemonSet needs `apiVersion: apps/v1`.') };
  if (REMOVED_API_VERSIONS.has(v)) {
    return {
      rule: 'removed-api-version',
      path: ['apiVersion'],
      message: t(
        'DaemonSet in {0} was removed in Kubernetes 1.16 (no matches for kind "DaemonSet" in version "{0}"). Use apps/v1, which also requires spec.selector to match the template labels.',
        v,
      ),
      fixes,
    };
  }
  return { rule: 'removed-api-version', path: ['apiVersion'], message: t('Kubernetes serves DaemonSet only in apps/v1, not {0}.', JSON.stringify(v)), fixes };
}
