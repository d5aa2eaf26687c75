/** Container ports: numbers, names, protocol. */
import { apiRule } from '../helpers/api-rule';

export const containerPortInvalid = apiRule({
  meta: {
    id: 'container-port-invalid',
    title: 'Invalid container port',
    description:
      '`containerPort` is required and, like `hostPort`, between 1 and 65535. A port `name` is an IANA service name: at most 15 lower-case letters, digits and `-`, with at least one letter, unique within the container.',
    bad: 'ports:\n  - name: metrics_http\n    containerPort: 0',
    good: 'ports:\n  - name: metrics\n    containerPort: 9100',
  },
});
