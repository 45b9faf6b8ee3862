import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText, QueryInt } from '@casebridge/platform';
import { CurrentOfficer, Roles, type OfficerClaims } from '@casebridge/auth';
import { RebuildProjectionCommand } from '../rebuild/rebuild-projection.command';
import { ApiAuditorOnly, errorExample, EXAMPLE_CASE_ID, EXAMPLE_HASH } from '../shared/api-docs';
import { assertLinkedCaseId } from '../shared/audit.errors';
import {
  CheckpointsSchema,
  PublicKeySchema,
  RebuildReportSchema,
  VerifyReportSchema,
} from '../shared/response-schemas';
import { GetPublicKeyQuery, ListCheckpointsQuery, VerifyLedgerQuery } from './queries/ledger-queries';

export class VerifyRequest {
  @ApiPropertyOptional({
    example: EXAMPLE_CASE_ID,
    description: 'one linked case; default: the whole store (global checkpoints included)',
  })
  @IsOptional()
  @IsText(64)
  linkedCaseId?: string;
}

export class CheckpointsRequest {
  @ApiPropertyOptional({
    example: EXAMPLE_CASE_ID,
    description: 'checkpoints of one linked case; default: the global ones',
  })
  @IsOptional()
  @IsText(64)
  linkedCaseId?: string;
  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @QueryInt(1, 1000)
  limit?: number;
}

const NATIONAL = {
  description:
    'AUDIT.NATIONAL_SCOPE_REQUIRED — without linkedCaseId this spans every region: national auditors (region 000000) only; AUDIT.CASE_NOT_FOUND (404) for a case outside your region',
  ...errorExample(
    403,
    'AUDIT.NATIONAL_SCOPE_REQUIRED',
    'Verifying the whole ledger covers every region’s cases; your scope is region 210100. Name one linked case (linkedCaseId), or ask a national auditor (000000).',
  ),
};

const BAD_ID = {
  description: 'AUDIT.BAD_LINKED_CASE_ID — linkedCaseId is not a UUID',
  ...errorExample(
    400,
    'AUDIT.BAD_LINKED_CASE_ID',
    '"x" is not a linked-case id (a UUID such as 0197a1c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d).',
  ),
};

const VERIFY_EXAMPLE = {
  ok: false,
  scope: 'all',
  verifiedAt: '2026-11-21T01:00:00.000Z',
  entriesChecked: 1204,
  casesChecked: 37,
  checkpointsChecked: 52,
  firstBroken: {
    seq: 311,
    linkedCaseId: EXAMPLE_CASE_ID,
    caseSeq: 3,
    eventId: '0197a1c2-7d20-7000-8000-000000000003',
    problem: 'content-hash-mismatch',
    expected: EXAMPLE_HASH,
    found: '51be…',
    detail: 'the envelope was altered after it was recorded',
  },
  brokenCases: [
    {
      linkedCaseId: EXAMPLE_CASE_ID,
      firstBroken: {
        seq: 311,
        linkedCaseId: EXAMPLE_CASE_ID,
        caseSeq: 3,
        eventId: '0197a1c2-7d20-7000-8000-000000000003',
        problem: 'content-hash-mismatch',
        expected: EXAMPLE_HASH,
        found: '51be…',
        detail: 'the envelope was altered after it was recorded',
      },
      problems: 1,
    },
    {
      linkedCaseId: '0197a1c2-9999-7a3b-9c4d-5e6f7a8b9c0d',
      firstBroken: {
        seq: 402,
        linkedCaseId: '0197a1c2-9999-7a3b-9c4d-5e6f7a8b9c0d',
        caseSeq: 5,
        eventId: '0197a1c2-7d20-7000-8000-000000000005',
        problem: 'sequence-gap',
        expected: 'caseSeq 4',
        found: 'caseSeq 5',
        detail: 'entries of the case are missing',
      },
      problems: 1,
    },
  ],
  problems: [],
  problemCount: 2,
  gaps: [{ linkedCaseId: '0197a1c2-9999-7a3b-9c4d-5e6f7a8b9c0d', missingFrom: 4, missingTo: 4, beforeSeq: 402 }],
  checkpointProblems: [
    {
      id: 88,
      linkedCaseId: 'global',
      upToSeq: 1204,
      problem: 'head-mismatch',
      expected: EXAMPLE_HASH,
      found: 'c03e…',
      detail:
        'the fold of the ledger up to seq 1204 no longer gives the signed head: an entry at or below it was removed, added or changed',
    },
  ],
  unsignedHeads: 0,
  keyIds: ['3f1a9c0e5b7d2e4f'],
  durationMs: 41,
  entriesPerSecond: 29365,
};

const REBUILD_EXAMPLE = {
  events: 1204,
  cases: 37,
  durationMs: 95,
  eventsPerSecond: 12673,
  viewMs: 12,
  asOf: '2026-11-21T01:00:00.000Z',
  summary: {
    phases: {
      'enforcement.transfers': { filed: 20, 'not-filed': 5, received: 12 },
      'police.transfers': { filed: 20, 'not-filed': 5, received: 12 },
      'police.supervisions': {},
      'procuratorate.transferCopies': { filed: 20, 'not-filed': 5, received: 12 },
      'procuratorate.transferOpinions': {},
      'procuratorate.filingSupervisions': {},
    },
    penaltyClocks: { suspended: 37 },
    runningDeadlines: 0,
    missedDeadlines: 0,
  },
  unhandledTypes: [],
};

@ApiTags('ledger')
@Roles('auditor') // scoped by region (shared/audit-scope.ts); rebuild: operator
@ApiAuditorOnly()
@Controller('ledger')
export class LedgerHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get('public-key')
  @ApiOperation({
    summary: 'The audit service’s Ed25519 public key (verifies checkpoints and export seals), with the hash formulas',
  })
  @ApiOkResponse({
    schema: {
      ...PublicKeySchema,
      example: {
        algorithm: 'Ed25519',
        keyId: '3f1a9c0e5b7d2e4f',
        publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n',
        checkpointMessage:
          'utf8(canonicalJson({"format":"casebridge.audit.checkpoint.v1","linkedCaseId":<case id or "global">,"upToSeq","headHash","createdAt"}))',
        entryHashFormula:
          'entryHash = sha256hex(utf8("casebridge.audit.entry.v1\\n" + prevHash + "\\n" + contentHash + …))',
        globalHashFormula: 'global_k = sha256hex(…)',
        canonicalization: 'JCS (RFC 8785) …',
      },
    },
  })
  publicKey() {
    return this.queries.execute(new GetPublicKeyQuery());
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Recompute the chain of one case or of the whole store',
    description:
      'Reports the first entry that does not match (seq, linkedCaseId, expected vs found hash), the first broken entry of every broken case, ' +
      'gaps in the per-case sequence (deleted entries), and every checkpoint whose signature fails or whose head no longer matches. 200 either way: read `ok`.',
  })
  @ApiOkResponse({ description: 'The verification report', schema: { ...VerifyReportSchema, example: VERIFY_EXAMPLE } })
  @ApiBadRequestResponse(BAD_ID)
  @ApiForbiddenResponse(NATIONAL)
  verify(@CurrentOfficer() auditor: OfficerClaims, @Query() q: VerifyRequest) {
    return this.queries.execute(
      new VerifyLedgerQuery(auditor, q.linkedCaseId === undefined ? undefined : assertLinkedCaseId(q.linkedCaseId)),
    );
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'The newest signed checkpoints (global, or of one case), newest first' })
  @ApiOkResponse({
    schema: {
      ...CheckpointsSchema,
      example: {
        scope: 'global',
        checkpoints: [
          {
            id: 88,
            linkedCaseId: 'global',
            upToSeq: 1204,
            headHash: EXAMPLE_HASH,
            createdAt: '2026-11-21T00:59:00.000Z',
            algorithm: 'Ed25519',
            keyId: '3f1a9c0e5b7d2e4f',
            signature: 'q0Jd…==',
          },
        ],
      },
    },
  })
  @ApiBadRequestResponse(BAD_ID)
  @ApiForbiddenResponse(NATIONAL)
  checkpoints(@CurrentOfficer() auditor: OfficerClaims, @Query() q: CheckpointsRequest) {
    const scope = q.linkedCaseId === undefined ? 'global' : assertLinkedCaseId(q.linkedCaseId);
    return this.queries.execute(new ListCheckpointsQuery(auditor, scope, q.limit ?? 100));
  }

  @Post('rebuild')
  @HttpCode(200)
  @Roles('operator')
  @ApiForbiddenResponse({
    description: 'AUTH.ROLE_NOT_ALLOWED — rebuild is an operator act (role operator), not an auditor’s',
    ...errorExample(403, 'AUTH.ROLE_NOT_ALLOWED', 'This action needs the role operator; your token has auditor.'),
  })
  @ApiOperation({
    summary:
      'Operator act (role operator): replay the whole ledger into a fresh in-memory projection (every case’s state now) and report the rate (events/s)',
  })
  @ApiOkResponse({ schema: { ...RebuildReportSchema, example: REBUILD_EXAMPLE } })
  @ApiConflictResponse({
    description: 'AUDIT.REBUILD_RUNNING — one rebuild at a time',
    ...errorExample(409, 'AUDIT.REBUILD_RUNNING', 'A rebuild is already running; try again when it has finished.'),
  })
  rebuild() {
    return this.commands.execute(new RebuildProjectionCommand());
  }
}
