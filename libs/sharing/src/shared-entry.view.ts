import type { SharedEntry } from './shared-entry.entity';

/** A shared entry as answered: a received `case-number` entry has no text and no party (null). */
export interface SharedEntryView {
  decisionId: string;
  entryId: string | null;
  linkedCaseId: string;
  decisionKind: string;
  decidedAt: string;
  ownerAgencyId: string;
  ownerCaseNumber: string;
  /** own: your office's decision; full / case-number: what was shared with you */
  detail: 'own' | 'full' | 'case-number';
  content: string | null;
  party: { name: string | null; idNumber: string | null; address: string | null } | null;
  sharedWith: string[];
  contentHash: string | null;
  enteredAt: string | null;
}

export function sharedEntryView(r: SharedEntry): SharedEntryView {
  const redacted = r.detail === 'case-number';
  return {
    decisionId: r.decisionId,
    entryId: r.entryId,
    linkedCaseId: r.linkedCaseId,
    decisionKind: r.decisionKind,
    decidedAt: r.decidedAt.toISOString(),
    ownerAgencyId: r.ownerAgencyId,
    ownerCaseNumber: r.ownerCaseNumber,
    detail: r.detail,
    content: redacted ? null : r.content,
    party: redacted ? null : { name: r.partyName, idNumber: r.partyIdNumber, address: r.partyAddress },
    sharedWith: r.sharedWith,
    contentHash: r.contentHash,
    enteredAt: r.enteredAt?.toISOString() ?? null,
  };
}

const STR = { type: 'string' };
const NSTR = { type: 'string', nullable: true };
/** SharedEntryView as OpenAPI. */
export const SHARED_ENTRY_SCHEMA = {
  type: 'object',
  properties: {
    decisionId: { ...STR, format: 'uuid' },
    entryId: { ...NSTR, format: 'uuid' },
    linkedCaseId: { ...STR, format: 'uuid' },
    decisionKind: STR,
    decidedAt: { ...STR, format: 'date-time' },
    ownerAgencyId: STR,
    ownerCaseNumber: STR,
    detail: { type: 'string', enum: ['own', 'full', 'case-number'] },
    content: NSTR,
    party: {
      type: 'object',
      nullable: true,
      properties: { name: NSTR, idNumber: NSTR, address: NSTR },
      required: ['name', 'idNumber', 'address'],
      additionalProperties: false,
    },
    sharedWith: { type: 'array', items: STR },
    contentHash: NSTR,
    enteredAt: { ...NSTR, format: 'date-time' },
  },
  required: [
    'decisionId',
    'entryId',
    'linkedCaseId',
    'decisionKind',
    'decidedAt',
    'ownerAgencyId',
    'ownerCaseNumber',
    'detail',
    'content',
    'party',
    'sharedWith',
    'contentHash',
    'enteredAt',
  ],
  additionalProperties: false,
};
