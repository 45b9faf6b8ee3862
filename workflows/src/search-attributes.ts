/**
 * Custom search attributes of the case workflows (registered on the dev server by infra/local/lib.sh
 * TEMPORAL_SEARCH_ATTRIBUTES, and by the workflow tests on the time-skipping server through the
 * OperatorService). Workflow-safe: @temporalio/common only.
 */
import { defineSearchAttributeKey } from '@temporalio/common';

export const SearchAttributeKeys = {
  /** Cross-agency linked case id. */
  linkedCaseId: defineSearchAttributeKey('CbLinkedCaseId', 'KEYWORD'),
  /** Rule id of the earliest open step (KEYWORD, not KEYWORD_LIST: only Keyword is registered). */
  ruleId: defineSearchAttributeKey('CbRuleId', 'KEYWORD'),
  /** Agency that owes the earliest open step, e.g. `police:210100`. */
  owingAgency: defineSearchAttributeKey('CbOwingAgency', 'KEYWORD'),
  /** Administrative division code of the enforcement agency. */
  region: defineSearchAttributeKey('CbRegion', 'KEYWORD'),
  /** stepId of the earliest open step (`<subjectId>/<ruleId>`), matching deadline.* events. */
  step: defineSearchAttributeKey('CbStep', 'KEYWORD'),
  /** Due instant of the earliest open step. */
  dueAt: defineSearchAttributeKey('CbDueAt', 'DATETIME'),
  /** True while any open step is past due. */
  overdue: defineSearchAttributeKey('CbOverdue', 'BOOL'),
} as const;

/** name → Temporal indexed value type, for registering them (OperatorService.addSearchAttributes, `--search-attribute`). */
export const SEARCH_ATTRIBUTE_DEFINITIONS: ReadonlyArray<{ name: string; type: 'KEYWORD' | 'DATETIME' | 'BOOL' }> =
  Object.values(SearchAttributeKeys).map((k) => ({ name: k.name, type: k.type }));
