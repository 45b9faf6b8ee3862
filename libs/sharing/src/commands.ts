import { Command } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  Matches,
  MaxLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { agencyDirectory } from '@casebridge/directory';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX, DomainError, ErrorCodes, type AgencyKind } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { IsInstantWithOffset, IsText } from '@casebridge/platform';
import type { EntityManager } from 'typeorm';
import type { CaseOwnership } from './access/case-access';
import type { SharedRecord } from './shared-record';

export class RecordDecisionRequest {
  @ApiProperty({
    example: 'administrative-penalty',
    description: 'a decision kind your agency enters (libs/legal-time SHARED_DECISIONS, E17 art 34)',
  })
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'decisionKind must be a decision kind such as administrative-penalty' })
  decisionKind!: string;
  @ApiProperty({
    example: '2025-09-22T10:00:00+08:00',
    description: 'when the decision was made; the 7 days count from it',
  })
  @IsInstantWithOffset()
  decidedAt!: string;
  @ApiProperty({ example: '辽沈环罚〔2025〕12号' }) @IsText(64) ownerCaseNumber!: string;
  @ApiProperty({ example: '决定对某化工有限公司处以罚款人民币二十万元。' }) @IsText(4000) content!: string;
  // the party's personal details: redacted for agencies entitled to the case number only (SHARED_DECISIONS)
  @ApiPropertyOptional({ example: '张某', description: "the party's name" })
  @IsOptional()
  @IsText(200)
  partyName?: string;
  @ApiPropertyOptional({ example: '210102198001011234', description: "the party's id number" })
  @IsOptional()
  @IsText(64)
  partyIdNumber?: string;
  @ApiPropertyOptional({ example: '沈阳市和平区某路1号', description: "the party's address" })
  @IsOptional()
  @IsText(400)
  partyAddress?: string;
}

/**
 * The ids of `ids` that name no office of the agency directory (libs/directory: listed there, not a name generated
 * from a division code): a grant to an office nobody runs would be a grant to nobody (400).
 */
export function unknownAgencies(ids: unknown): string[] {
  if (!Array.isArray(ids)) return [];
  const dir = agencyDirectory();
  return ids.filter((id): id is string => {
    if (typeof id !== 'string') return false;
    const agency = dir.lookup(id);
    return agency === null || agency.generated === true;
  });
}

export class EnterDecisionRequest {
  @ApiProperty({ example: ['police:210100', 'procuratorate:210100'], description: 'the agencies it is shared with' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(AGENCY_ID_REGEX, { each: true, message: AGENCY_ID_MESSAGE })
  @MaxLength(64, { each: true })
  @ValidateBy({
    name: 'isAgencyOfTheDirectory',
    validator: {
      validate: (v: unknown) => !Array.isArray(v) || unknownAgencies(v).length === 0,
      defaultMessage: (args?: ValidationArguments) =>
        `sharedWith names no agency of the agency directory: ${unknownAgencies(args?.value).join(', ')} ` +
        '(share with offices the directory lists, e.g. police:210100; libs/directory agencies.json or CASEBRIDGE_AGENCY_DIRECTORY)',
    },
  })
  sharedWith!: string[];
}

export class RecordDecisionCommand extends Command<{ decisionId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly linkedCaseId: string,
    readonly request: RecordDecisionRequest,
  ) {
    super();
  }
}

export class EnterDecisionCommand extends Command<{ entryId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly linkedCaseId: string,
    readonly decisionId: string,
    readonly request: EnterDecisionRequest,
  ) {
    super();
  }
}

/**
 * The use case "record and enter a decision on the shared record" of one agency app: the app says which linked
 * cases are its own (an agency records decisions only on those: 404 SHARING.NOT_FOUND otherwise); SharedRecord
 * does the rest. SharingModule.forAgencyKind registers its handlers (decision.handlers.ts) for each agency app.
 */
export class DecisionUseCase {
  constructor(
    private readonly record: SharedRecord,
    private readonly ownership: CaseOwnership,
    private readonly manager: () => EntityManager,
    /** the agency kind of the service (a token of another kind never reaches it: refused as not its case) */
    private readonly kind?: AgencyKind,
  ) {}

  private async ensureOwn(officer: OfficerClaims, linkedCaseId: string): Promise<void> {
    if (
      (this.kind !== undefined && officer.agencyKind !== this.kind) ||
      !(await this.ownership.owns(this.manager(), officer.agencyId, linkedCaseId))
    )
      throw new DomainError(
        ErrorCodes.sharingNotFound,
        'not-found',
        `Linked case ${linkedCaseId} is not a case of your office.`,
      );
  }

  async recordDecision({ officer, linkedCaseId, request }: RecordDecisionCommand): Promise<{ decisionId: string }> {
    await this.ensureOwn(officer, linkedCaseId);
    return this.record.record(officer, linkedCaseId, request);
  }

  async enterDecision({
    officer,
    linkedCaseId,
    decisionId,
    request,
  }: EnterDecisionCommand): Promise<{ entryId: string }> {
    return this.record.enter(officer, linkedCaseId, decisionId, request.sharedWith);
  }
}
