/**
 * The query limits as validation rules, which Apollo Server runs beside graphql-js's own on
 * every new document (the cost is checked once more with variables by `maxCostPlugin`).
 * Each operation is measured on its own; each limit it breaks is one error.
 */
import type { ValidationRule } from 'graphql';
import type { LimitsConfig } from '../../config/schema.js';
import { noIntrospectionRule } from './introspectionRule.js';
import { maxAliasesRule } from './maxAliasesRule.js';
import { maxCostRule } from './maxCostRule.js';
import { maxDepthRule } from './maxDepthRule.js';
import { maxDirectivesRule } from './maxDirectivesRule.js';

export function queryLimitRules(limits: LimitsConfig): ValidationRule[] {
  return [
    ...(limits.introspection ? [] : [noIntrospectionRule]),
    maxDepthRule(limits.maxDepth),
    maxAliasesRule(limits.maxAliases),
    maxDirectivesRule(limits.maxDirectives),
    maxCostRule(limits),
  ];
}
