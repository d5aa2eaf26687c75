/**
 * Rules reported by the schema walker (walker.ts), the parser and the apiVersion check: they
 * have metadata (one file each, named by rule id) and no `check` of their own.
 */
import type { Rule } from '../types';
import { yamlSyntax } from './yaml-syntax';
import { duplicateKey } from './duplicate-key';
import { unknownField } from './unknown-field';
import { invalidType } from './invalid-type';
import { invalidQuantity } from './invalid-quantity';
import { invalidEnum } from './invalid-enum';
import { missingRequired } from './missing-required';
import { removedApiVersion } from './removed-api-version';
import { serverSetStatus } from './status-field';
import { templateSyntax } from './template-syntax';
import { fileTooLarge } from './file-too-large';

export const schemaRules: Rule[] = [
  yamlSyntax,
  duplicateKey,
  unknownField,
  invalidType,
  invalidQuantity,
  invalidEnum,
  missingRequired,
  removedApiVersion,
  serverSetStatus,
  templateSyntax,
  fileTooLarge,
];
