/** `dnsPolicy: None` needs `dnsConfig` with nameservers; at most 3 nameservers. */
import { apiRule } from '../helpers/api-rule';

export const dnsConfig = apiRule({
  meta: {
    id: 'dns-config',
    title: 'DNS configuration the API server rejects',
    description:
      'With `dnsPolicy: None` the pod gets only what `dnsConfig` says, so `dnsConfig.nameservers` must list at least one server; at most 3 nameservers are allowed, and every option needs a name.',
    bad: 'dnsPolicy: None',
    good: 'dnsPolicy: None\ndnsConfig:\n  nameservers: [169.254.20.10]',
  },
});
