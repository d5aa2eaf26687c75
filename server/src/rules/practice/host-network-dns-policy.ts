/** hostNetwork pods with the default dnsPolicy: cluster DNS names do not resolve. */
import type { Finding, Fix } from '../types';
import type { Rule } from '../types';
import { t } from '../../l10n';
import { containers, isObject, POD, podSpec } from '../helpers/pod';

const isWord = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_');
const isLabel = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-');
/** A word boundary (`\b`) before index i. */
const boundary = (s: string, i: number) => isWord(s[i - 1]) !== isWord(s[i]);

/**
 * The first Service DNS name in a string: `name.namespace.svc` (optionally `.cluster.local`), or
 * a bare `svc.cluster.local`. What `/\b[a-z0-9-]+\.[a-z0-9-]+\.svc(\.cluster\.local)?\b|\.svc\.cluster\.local\b/`
 * finds, read in one pass from each `.svc`: the regex took quadratic time on a long `a-a-a-…` value.
 */
export function serviceDnsName(s: string): string | undefined {
  for (let p = s.indexOf('.svc'); p !== -1; p = s.indexOf('.svc', p + 1)) {
    const full = s.startsWith('.cluster.local', p + 4) && boundary(s, p + 18);
    const end = full ? p + 18 : boundary(s, p + 4) ? p + 4 : -1;
    if (end >= 0) {
      // namespace: the label run ending at p, after a dot; name: a label run ending at that dot, from its first word boundary.
      let dot = p;
      while (isLabel(s[dot - 1])) dot--;
      if (dot < p && s[dot - 1] === '.') {
        const nameEnd = dot - 1;
        let start = nameEnd;
        while (isLabel(s[start - 1])) start--;
        while (start < nameEnd && !boundary(s, start)) start++;
        if (start < nameEnd) return s.slice(start, end);
      }
    }
    if (s.startsWith('.svc.cluster.local', p) && boundary(s, p + 18)) return s.slice(p + 1, p + 18);
  }
  return undefined;
}

/** A Service DNS name in the containers' env, args or command: the agent needs cluster DNS. */
export function clusterDnsName(spec: Record<string, any>): string | undefined {
  for (const ref of containers(spec)) {
    const strings: unknown[] = [...(Array.isArray(ref.c.command) ? ref.c.command : []), ...(Array.isArray(ref.c.args) ? ref.c.args : [])];
    if (Array.isArray(ref.c.env)) for (const e of ref.c.env) if (isObject(e)) strings.push(e.value);
    for (const s of strings) {
      if (typeof s !== 'string') continue;
      const name = serviceDnsName(s);
      if (name) return name;
    }
  }
  return undefined;
}

export const hostNetworkDnsPolicy: Rule = {
  meta: {
    id: 'host-network-dns-policy',
    category: 'practice',
    defaultSeverity: 'warning',
    title: 'hostNetwork without `dnsPolicy: ClusterFirstWithHostNet`',
    description:
      "With `hostNetwork: true`, the default `dnsPolicy: ClusterFirst` falls back to the node's own resolver (`Default`): Service names such as `collector.monitoring.svc` do not resolve inside the pod. Agents that talk to in-cluster Services need `dnsPolicy: ClusterFirstWithHostNet`. Agents that start before cluster DNS exists, above all CNI plugins (CoreDNS cannot run until the network is up), must NOT use it: they would lose name resolution at bootstrap; for them `dnsPolicy: Default` states the intent.",
    severityNote:
      'Warning when a container\'s env, args or command mentions a Service name (`*.svc`): it will not resolve. Only a hint otherwise, because most hostNetwork agents (CNI, kube-proxy, exporters) reach the API server by IP and are right not to depend on cluster DNS; the quick fix is then not marked preferred so "fix all" never changes a CNI agent\'s DNS.',
    bad: 'hostNetwork: true\ncontainers:\n  - name: shipper\n    env:\n      - name: SINK\n        value: http://collector.monitoring.svc:4318',
    good: 'hostNetwork: true\ndnsPolicy: ClusterFirstWithHostNet',
    fix: "Sets `dnsPolicy: ClusterFirstWithHostNet` (or `Default` to keep the node's resolver explicitly).",
  },
  check(ctx) {
    // A kustomize patch leaves out what the base already sets.
    if (ctx.partial) return [];
    const spec = podSpec(ctx.value);
    if (!spec || spec.hostNetwork !== true) return [];
    const policy = spec.dnsPolicy;
    if (policy !== undefined && policy !== 'ClusterFirst') return [];
    const name = clusterDnsName(spec);
    const set = (value: string) => ctx.edits.setPath([...POD, 'dnsPolicy'], value);
    const fixes: Fix[] = [];
    const cfwhn = set('ClusterFirstWithHostNet');
    if (cfwhn) fixes.push({ title: t('Set dnsPolicy: ClusterFirstWithHostNet'), isPreferred: !!name, edits: cfwhn });
    const def = set('Default');
    if (def && !name) fixes.push({ title: t("Set dnsPolicy: Default (keep the node's resolver, explicitly)"), edits: def });
    const path = policy === undefined ? [...POD, 'hostNetwork'] : [...POD, 'dnsPolicy'];
    const what =
      policy === undefined
        ? t('The pod uses hostNetwork without a dnsPolicy, so ClusterFirst applies')
        : t('The pod uses hostNetwork with dnsPolicy ClusterFirst');
    if (name) {
      return [
        {
          rule: 'host-network-dns-policy',
          path,
          target: policy === undefined ? 'key' : 'value',
          message: t(
            "{0}, which for hostNetwork pods falls back to the node's resolver: `{1}` will not resolve. Set dnsPolicy: ClusterFirstWithHostNet.",
            what,
            name,
          ),
          fixes,
        },
      ];
    }
    const f: Finding = {
      rule: 'host-network-dns-policy',
      path,
      target: policy === undefined ? 'key' : 'value',
      severity: 'hint',
      message: t(
        "{0}, which for hostNetwork pods means the node's resolver: cluster Service names will not resolve. If the agent needs them, set dnsPolicy: ClusterFirstWithHostNet; if it must work before cluster DNS is up (a CNI agent), set dnsPolicy: Default to make that explicit.",
        what,
      ),
      fixes,
    };
    return [f];
  },
};
