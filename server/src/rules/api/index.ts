/** Rules for what the Kubernetes API server rejects (one file per concern, Kubernetes' own wording). */
import type { Rule } from '../types';
import { activeDeadlineSeconds } from './active-deadline-seconds';
import { annotationSyntax } from './annotation-syntax';
import { apiValidation } from './api-validation';
import { containerInvalid } from './container-invalid';
import { containerNameDuplicate } from './container-name-duplicate';
import { containerPortInvalid } from './container-port-invalid';
import { dnsConfig } from './dns-config';
import { hostPortConflict } from './host-port-conflict';
import { labelSyntax } from './label-syntax';
import { negativeValue } from './negative-value';
import { nodeAffinityInvalid } from './node-affinity-invalid';
import { objectName } from './object-name';
import { placeholderValue } from './placeholder-value';
import { podAffinityInvalid } from './pod-affinity-invalid';
import { requestsExceedLimits } from './requests-exceed-limits';
import { resourceInvalid } from './resource-invalid';
import { restartPolicy } from './restart-policy';
import { rollingUpdateParams } from './rolling-update-params';
import { selectorTemplateMismatch } from './selector-template-mismatch';
import { tolerationInvalid } from './toleration-invalid';
import { volumeInvalid } from './volume-invalid';

export const apiRules: Rule[] = [
  selectorTemplateMismatch,
  restartPolicy,
  activeDeadlineSeconds,
  rollingUpdateParams,
  tolerationInvalid,
  nodeAffinityInvalid,
  podAffinityInvalid,
  hostPortConflict,
  labelSyntax,
  annotationSyntax,
  objectName,
  containerNameDuplicate,
  containerInvalid,
  containerPortInvalid,
  requestsExceedLimits,
  resourceInvalid,
  volumeInvalid,
  dnsConfig,
  negativeValue,
  placeholderValue,
  apiValidation,
];
