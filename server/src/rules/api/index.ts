/** Rules for what the Kubernetes API server rejects (one file per concern, Kubernetes' own wording). */
import type { Rule } from '../types';
import { activeDeadlineSeconds } from './activeDeadlineSeconds';
import { annotationSyntax } from './annotationSyntax';
import { apiValidation } from './apiValidation';
import { containerInvalid } from './containerInvalid';
import { containerNameDuplicate } from './containerNameDuplicate';
import { containerPortInvalid } from './containerPortInvalid';
import { dnsConfig } from './dnsConfig';
import { hostPortConflict } from './hostPortConflict';
import { labelSyntax } from './labelSyntax';
import { negativeValue } from './negativeValue';
import { nodeAffinityInvalid } from './nodeAffinityInvalid';
import { objectName } from './objectName';
import { placeholderValue } from './placeholderValue';
import { podAffinityInvalid } from './podAffinityInvalid';
import { requestsExceedLimits } from './requestsExceedLimits';
import { resourceInvalid } from './resourceInvalid';
import { restartPolicy } from './restartPolicy';
import { rollingUpdateParams } from './rollingUpdateParams';
import { selectorTemplateMismatch } from './selectorTemplateMismatch';
import { tolerationInvalid } from './tolerationInvalid';
import { volumeInvalid } from './volumeInvalid';

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
