/** Rules for what hurts node agents in production (one file per rule). */
import type { Rule } from '../types';
import { allowPrivilegeEscalation } from './allow-privilege-escalation';
import { dangerousCapabilities } from './dangerous-capabilities';
import { deprecatedMasterTaint } from './deprecated-master-taint';
import { finiteTolerationSeconds } from './finite-toleration-seconds';
import { hostNetworkDnsPolicy } from './host-network-dns-policy';
import { imageTagLatest } from './image-tag-latest';
import { maxUnavailableOne } from './max-unavailable-one';
import { missingPriorityClass } from './missing-priority-class';
import { noMemoryLimit } from './no-memory-limit';
import { noReadinessProbe } from './no-readiness-probe';
import { noResourceRequests } from './no-resource-requests';
import { onDeleteStrategy } from './on-delete-strategy';
import { privilegedContainer } from './privileged-container';
import { runAsNonRoot } from './run-as-non-root';
import { surgeWithHostPort } from './surge-with-host-port';
import { writableHostPath } from './writable-host-path';

export const practiceRules: Rule[] = [
  noResourceRequests,
  noMemoryLimit,
  imageTagLatest,
  privilegedContainer,
  allowPrivilegeEscalation,
  dangerousCapabilities,
  writableHostPath,
  hostNetworkDnsPolicy,
  deprecatedMasterTaint,
  missingPriorityClass,
  noReadinessProbe,
  surgeWithHostPort,
  finiteTolerationSeconds,
  runAsNonRoot,
  onDeleteStrategy,
  maxUnavailableOne,
];
