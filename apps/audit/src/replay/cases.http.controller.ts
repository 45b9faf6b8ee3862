import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentOfficer, Roles, type OfficerClaims } from '@casebridge/auth';
import { ApiAuditorOnly, ApiLinkedCase, errorExample, EXAMPLE_CASE_ID, EXAMPLE_HASH } from '../shared/api-docs';
import { parseAsOf, parseExportFormat } from '../shared/audit.errors';
import { LinkedCaseIdPipe } from '../shared/linked-case-id.pipe';
import { CaseHistorySchema, CaseStateSchema, EXPORT_CONTENT } from '../shared/response-schemas';
import { ExportCaseQuery, GetCaseHistoryQuery, GetCaseStateQuery } from './queries/case-queries';
import { IsText } from '@casebridge/platform';

export class StateRequest {
  @ApiPropertyOptional({
    example: '2026-11-20T10:30:00+08:00',
    description: 'ISO-8601 instant with time zone (write + as %2B); default: now',
  })
  @IsOptional()
  @IsText(64)
  asOf?: string;
}

export class ExportRequest {
  @ApiProperty({
    enum: ['jsonl', 'html'],
    example: 'jsonl',
    required: false,
    description: 'jsonl (verifiable, default) or html (readable report)',
  })
  @IsOptional()
  @IsText(16)
  format?: string;

  @ApiProperty({
    enum: ['zh', 'en'],
    example: 'zh',
    required: false,
    description: 'language of the html report (default zh)',
  })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}

const HISTORY_EXAMPLE = {
  linkedCaseId: EXAMPLE_CASE_ID,
  count: 2,
  head: { caseSeq: 2, entryHash: EXAMPLE_HASH },
  entries: [
    {
      seq: 41,
      caseSeq: 1,
      eventId: '0197a1c2-7d20-7000-8000-000000000001',
      type: 'case.registered',
      who: { producer: { agencyId: 'enforcement:210100', kind: 'enforcement' }, officerId: 'enf-officer-zhang' },
      occurredAt: '2026-11-20T02:30:00.000Z',
      recordedAt: '2026-11-20T02:30:00.012Z',
      ingestedAt: '2026-11-20T02:30:00.310Z',
      originalVersion: 1,
      currentVersion: 1,
      upcast: false,
      payload: {
        caseId: '5b0e8f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
        caseNumber: '辽沈环罚〔2026〕12号',
        region: '210100',
        party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
        violation: '通过暗管向河道排放含铬废水',
        discoveredAt: '2026-11-20T02:30:00.000Z',
      },
      correlationId: '0197a1c2-7d20-7000-8000-000000000001',
      causationId: null,
      hashes: { contentHash: EXAMPLE_HASH, prevHash: '0'.repeat(64), entryHash: EXAMPLE_HASH },
    },
    {
      seq: 57,
      caseSeq: 2,
      eventId: '0197a1c2-7d20-7000-8000-000000000002',
      type: 'deadline.missed',
      who: { producer: { agencyId: 'workflow', kind: 'workflow' }, officerId: 'system:workflow' },
      occurredAt: '2026-11-24T00:00:00.000Z',
      recordedAt: '2026-11-24T00:00:00.004Z',
      ingestedAt: '2026-11-24T00:00:00.120Z',
      originalVersion: 1,
      currentVersion: 2,
      upcast: true,
      payload: {
        stepId: `${EXAMPLE_CASE_ID}/transfer.filing-review`,
        subjectId: EXAMPLE_CASE_ID,
        ruleId: 'transfer.filing-review',
        variant: 'standard',
        owingAgencyId: 'police:210100',
        dueAt: '2026-11-24T00:00:00.000Z',
      },
      originalPayload: {
        ruleId: 'transfer.filing-review',
        owingAgencyId: 'police:210100',
        dueAt: '2026-11-24T00:00:00.000Z',
      },
      correlationId: '0197a1c2-7d20-7000-8000-000000000002',
      causationId: null,
      hashes: { contentHash: EXAMPLE_HASH, prevHash: EXAMPLE_HASH, entryHash: EXAMPLE_HASH },
    },
  ],
};

const STATE_EXAMPLE = {
  linkedCaseId: EXAMPLE_CASE_ID,
  asOf: '2026-11-20T02:31:00.000Z',
  basis: 'recordedAt <= asOf',
  exists: true,
  eventsApplied: 8,
  eventsRecordedLater: 3,
  lastApplied: {
    caseSeq: 8,
    eventId: '0197a1c2-7d20-7000-8000-000000000008',
    type: 'transfer.receipt-signed',
    recordedAt: '2026-11-20T02:30:59.000Z',
  },
  case: {
    caseId: '5b0e8f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
    caseNumber: '辽沈环罚〔2026〕12号',
    enforcementAgencyId: 'enforcement:210100',
    region: '210100',
    party: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
    violation: '通过暗管向河道排放含铬废水',
    discoveredAt: '2026-11-20T02:30:00.000Z',
    registeredAt: '2026-11-20T02:30:00.000Z',
    registeredBy: 'enf-officer-zhang',
    evidence: [],
  },
  enforcement: {
    transfers: [
      {
        transferId: '7c1d…',
        caseId: '5b0e…',
        agencyId: 'enforcement:210100',
        phase: 'received',
        since: '2026-11-20T02:30:59.000Z',
        policeAgencyId: 'police:210100',
        procuratorateAgencyId: 'procuratorate:210100',
        reviewVariant: 'standard',
        policeCaseNumber: null,
        missingMaterials: [],
        filingReviewOverdue: false,
        supervisionId: null,
      },
    ],
    penaltyClock: {
      ruleId: 'penalty.decision-period',
      status: 'suspended',
      registeredAt: '2026-11-20T02:30:00.000Z',
      dueAt: '2027-02-18T16:00:00.000Z',
      lastDay: '2027-02-18',
      projected: true,
      msLeft: 7680000000,
      remaining: '88d 21h 29m left',
      suspensions: [{ from: '2026-11-20T02:30:40.000Z', to: null, reason: 'the case is with the police (E17 art 16)' }],
    },
  },
  police: {
    transfers: [
      {
        transferId: '7c1d…',
        agencyId: 'police:210100',
        phase: 'received',
        since: '2026-11-20T02:30:59.000Z',
        fromAgencyId: 'enforcement:210100',
        receiptNumber: '沈公（环）受字〔2026〕31号',
        reviewVariant: 'standard',
        policeCaseNumber: null,
      },
    ],
    supervisions: [],
  },
  procuratorate: {
    transferCopies: [
      {
        transferId: '7c1d…',
        agencyId: 'procuratorate:210100',
        status: 'received',
        since: '2026-11-20T02:30:59.000Z',
        policeAgencyId: 'police:210100',
        reviewVariant: 'standard',
        policeCaseNumber: null,
        supervisionRequested: false,
        supervisionGround: null,
        supervisionId: null,
      },
    ],
    filingSupervisions: [],
    transferOpinions: [],
  },
  supervision: { acts: [] },
  otherActs: [],
  deadlines: {
    running: [
      {
        stepId: '7c1d…/transfer.filing-review',
        subjectId: '7c1d…',
        ruleId: 'transfer.filing-review',
        variant: 'standard',
        owingAgencyId: 'police:210100',
        status: 'running',
        startedAt: '2026-11-20T02:30:59.000Z',
        dueAt: '2026-11-23T16:00:00.000Z',
        lastDay: '2026-11-23',
        msLeft: 307141000,
        timeLeft: '3d 13h 19m left',
        warned: false,
        outcome: null,
        since: '2026-11-20T02:30:59.000Z',
      },
    ],
    suspended: [],
    missed: [],
    closed: [],
  },
  unhandledTypes: [],
};

@ApiTags('cases')
@Roles('auditor') // a case within the auditor's region (shared/audit-scope.ts), else 404
@ApiAuditorOnly()
@Controller('cases')
export class CasesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':linkedCaseId/history')
  @ApiOperation({
    summary:
      'The full cross-agency history of a linked case, in ledger order: who (producer agency + officer), when (event time, recorded time, ingested), what (type, the upcast current form, the original version), and the hash chain',
  })
  @ApiLinkedCase()
  @ApiOkResponse({
    description: 'Entries in caseSeq order',
    schema: { ...CaseHistorySchema, example: HISTORY_EXAMPLE },
  })
  history(
    @CurrentOfficer() auditor: OfficerClaims,
    @Param('linkedCaseId', new LinkedCaseIdPipe()) linkedCaseId: string,
  ) {
    return this.queries.execute(new GetCaseHistoryQuery(auditor, linkedCaseId));
  }

  @Get(':linkedCaseId/state')
  @ApiOperation({
    summary: 'The state of the case and of each agency’s view as of an instant',
    description:
      'Folds the entries whose recordedAt ≤ asOf (recorded time: what the agencies had on file at that instant), in ledger order: ' +
      'transfer phases as enforcement, police and procuratorate see them, filing supervisions, the penalty clock (legal-time), and the ' +
      'deadlines running then with the time left (dueAt − asOf).',
  })
  @ApiLinkedCase()
  @ApiQuery({
    name: 'asOf',
    required: false,
    example: '2026-11-20T10:31:00+08:00',
    description: 'ISO-8601 instant with time zone; default now',
  })
  @ApiOkResponse({ description: 'The projected state', schema: { ...CaseStateSchema, example: STATE_EXAMPLE } })
  @ApiBadRequestResponse({
    description: 'AUDIT.BAD_AS_OF — not an ISO-8601 instant with a time zone',
    ...errorExample(
      400,
      'AUDIT.BAD_AS_OF',
      'asOf must be an ISO-8601 instant with its time zone, e.g. 2026-11-20T10:30:00+08:00 or 2026-11-20T02:30:00Z (got "yesterday"; write + as %2B in a URL).',
    ),
  })
  state(
    @CurrentOfficer() auditor: OfficerClaims,
    @Param('linkedCaseId', new LinkedCaseIdPipe()) linkedCaseId: string,
    @Query() q: StateRequest,
  ) {
    const asOf = parseAsOf(q.asOf);
    return this.queries.execute(new GetCaseStateQuery(auditor, linkedCaseId, asOf));
  }

  @Get(':linkedCaseId/export')
  @ApiOperation({
    summary:
      'Export the case: JSON Lines a third party can verify with the public key alone (verifyExport), or a readable HTML report',
    description:
      'jsonl: a header (format casebridge.audit.export.v1, algorithms, formulas, public key), one line per entry (envelope as received + ' +
      'contentHash, prevHash, entryHash, caseSeq, ingestedAt), the signed checkpoints of the case, and a seal line (Ed25519 over the SHA-256 of every ' +
      'byte before it). html: the audit report made from such a JSON Lines export of the same moment (named with its SHA-256): what the signatures cover, ' +
      'a summary of every statutory clock, one sentence per event (agencies by official name), raw content folded; Chinese unless lang=en.',
  })
  @ApiLinkedCase()
  @ApiQuery({ name: 'format', required: false, enum: ['jsonl', 'html'], example: 'jsonl' })
  @ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'], example: 'zh' })
  @ApiProduces('application/x-ndjson', 'text/html')
  @ApiOkResponse({
    description: 'The file (Content-Disposition: attachment)',
    content: {
      'application/x-ndjson': {
        ...EXPORT_CONTENT['application/x-ndjson'],
        example: `{"kind":"header","format":"casebridge.audit.export.v1","linkedCaseId":"${EXAMPLE_CASE_ID}",…}\n{"kind":"entry","seq":41,"caseSeq":1,…}\n{"kind":"checkpoint","upToSeq":1,…}\n{"kind":"seal","algorithm":"Ed25519","keyId":"3f1a…","sha256":"…","signature":"…"}\n`,
      },
      'text/html': { ...EXPORT_CONTENT['text/html'], example: '<!doctype html><html lang="zh-CN">…</html>' },
    },
  })
  @ApiBadRequestResponse({
    description: 'AUDIT.BAD_FORMAT — format is not jsonl or html',
    ...errorExample(400, 'AUDIT.BAD_FORMAT', 'format must be jsonl or html (got "pdf").'),
  })
  async export(
    @CurrentOfficer() auditor: OfficerClaims,
    @Param('linkedCaseId', new LinkedCaseIdPipe()) linkedCaseId: string,
    @Query() q: ExportRequest,
  ): Promise<StreamableFile> {
    const format = parseExportFormat(q.format);
    const file = await this.queries.execute(new ExportCaseQuery(auditor, linkedCaseId, format, q.lang));
    return new StreamableFile(Buffer.from(file.body, 'utf8'), {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
