/** Images without a tag or with `:latest`: every node may run a different build. */
import type { Finding } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { containers, describe, podSpec } from '../helpers/pod';

/** How an image reference pins its content. */
export function imagePin(image: string): 'digest' | 'latest' | 'none' | 'tag' {
  if (image.includes('@')) return 'digest';
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  if (colon === -1) return 'none';
  return last.slice(colon + 1) === 'latest' ? 'latest' : 'tag';
}

export const imageTagLatest: Rule = {
  meta: {
    id: 'image-tag-latest',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'Image without a tag or with `:latest`',
    description:
      'A DaemonSet pulls its image separately on every node, at different times (node added, pod evicted, node rebooted). With `:latest` or no tag each node gets whatever the tag pointed to at that moment, so nodes silently run different builds, a rollout cannot be reverted to "the previous version", and `imagePullPolicy` defaults to `Always`, so every restart needs the registry. Pin a version tag, or a digest (`@sha256:…`) for byte-for-byte identical nodes.',
    severityNote:
      "Warning: the manifest still works, but the drift between nodes is invisible until it causes an incident. Digests are never reported; mutable non-latest tags (`:master`, `:canary`) are the author's explicit choice and are not reported either.",
    bad: 'containers:\n  - name: agent\n    image: example/agent          # no tag: means :latest\n  - name: sidecar\n    image: example/sidecar:latest',
    good: 'containers:\n  - name: agent\n    image: example/agent:1.4.2\n  - name: sidecar\n    image: example/sidecar@sha256:…',
  },
  check(ctx) {
    const out: Finding[] = [];
    for (const ref of containers(podSpec(ctx.value))) {
      const image = ref.c.image;
      // Placeholders and variables are filled in by tooling; whitespace is a different problem.
      if (typeof image !== 'string' || !image.trim() || /[\s${}]/.test(image)) continue;
      const pin = imagePin(image);
      if (pin !== 'latest' && pin !== 'none') continue;
      const who = describe(ref).replace(/^\w/, (c) => c.toLowerCase());
      out.push({
        rule: 'image-tag-latest',
        path: [...ref.path, 'image'],
        message:
          pin === 'none'
            ? t(
                'Image `{0}` of {1} has no tag (it means `:latest`). Each node pulls it at a different time, so nodes can run different builds and a rollout cannot be reverted; `imagePullPolicy` also defaults to Always. Pin a version tag or a digest (@sha256:…).',
                image,
                who,
              )
            : t(
                'Image `{0}` of {1} uses the `:latest` tag. Each node pulls it at a different time, so nodes can run different builds and a rollout cannot be reverted; `imagePullPolicy` also defaults to Always. Pin a version tag or a digest (@sha256:…).',
                image,
                who,
              ),
      });
    }
    return out;
  },
};
