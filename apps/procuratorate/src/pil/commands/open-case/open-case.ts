import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  ErrorCodes,
  OUTSIDE_JURISDICTION,
  PilCaseOpened,
  withinJurisdiction,
  type PilCaseOpenedV1,
} from '@casebridge/contracts';
import { pilAdministrativeViews, pilCivilViews, type FlowEvent } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { AbsentWhen, eventEntry, IsText } from '@casebridge/platform';
import type { LinkedCaseProbe } from '@casebridge/sharing';
import { PilCase, type PilCaseKind } from '../../pil-case.entity';

export class OpenPilCaseRequest {
  @ApiProperty({ enum: ['administrative', 'civil', 'criminal-incidental-civil'], example: 'administrative' })
  @IsIn(['administrative', 'civil', 'criminal-incidental-civil'], {
    message: 'kind must be administrative, civil or criminal-incidental-civil',
  })
  kind!: PilCaseKind;
  @ApiPropertyOptional({
    example: 'enforcement:210100',
    description:
      'administrative PIL: the agency that failed its duty (an enforcement office within your jurisdiction; else 404 AGENCY.OUTSIDE_JURISDICTION)',
  })
  @IsOptional()
  @AbsentWhen(
    (o: OpenPilCaseRequest) => o.kind !== 'administrative',
    'respondentAgencyId names the agency of an administrative PIL; a civil PIL has no respondent agency: leave it out',
  )
  @Matches(/^enforcement:\d{6}$/, {
    message: 'respondentAgencyId must be an enforcement office id such as enforcement:210100',
  })
  respondentAgencyId?: string;
  @ApiProperty({ example: '浑河沿岸非法倾倒危险废物约 30 吨，区生态环境局接举报后三个月未依法查处' })
  @IsText(4000)
  facts!: string;
  @ApiPropertyOptional({
    example: '0190c0de-0000-7000-8000-0000000000aa',
    description:
      'the linked case of the conduct (联动案件), e.g. the administrative case the facts come from: one your office holds or that was shared with it (else 404 CASE.LINKED_CASE_UNKNOWN); new when absent',
  })
  @IsOptional()
  @IsUUID('all', { message: 'linkedCaseId must be a UUID' })
  linkedCaseId?: string;
}

/** A procuratorate may name again a linked case of a PIL case of its own (@MayLinkCase's `holds`). */
export const holdsPilCase: LinkedCaseProbe = (manager, agencyId, linkedCaseId) =>
  manager.existsBy(PilCase, { procuratorateAgencyId: agencyId, linkedCaseId });

export class OpenPilCaseCommand extends Command<{ pilCaseId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: OpenPilCaseRequest,
  ) {
    super();
  }
}

/**
 * Opens a public-interest litigation case of the officer's procuratorate (pil.case-opened). The route checks the
 * linked case before (@MayLinkCase('linkedCaseId', { holds: holdsPilCase }): else 404 CASE.LINKED_CASE_UNKNOWN).
 */
@CommandHandler(OpenPilCaseCommand)
export class OpenPilCaseHandler implements ICommandHandler<OpenPilCaseCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: OpenPilCaseCommand): Promise<{ pilCaseId: string }> {
    const administrative = request.kind === 'administrative';
    if (administrative && !request.respondentAgencyId)
      throw new DomainError(
        ErrorCodes.pilRespondentRequired,
        'invalid',
        'An administrative public-interest case names the agency that failed its duty (respondentAgencyId).',
      );
    const respondent = administrative ? request.respondentAgencyId! : undefined;
    if (respondent && !withinJurisdiction(officer.agencyId, respondent))
      throw new DomainError(OUTSIDE_JURISDICTION, 'not-found', `${respondent} is outside your jurisdiction.`);
    return this.outbox.run(async (tx) => {
      const pilCaseId = randomUUID();
      const linkedCaseId = request.linkedCaseId ?? randomUUID();
      const e = publishAs(tx, officer, PilCaseOpened, linkedCaseId, {
        pilCaseId,
        kind: request.kind,
        ...(respondent ? { respondentAgencyId: respondent } : {}),
        facts: request.facts,
      });
      const opened = e as FlowEvent<'pil.case-opened', PilCaseOpenedV1>;
      const view = administrative
        ? pilAdministrativeViews.procuratorate.open(opened)
        : pilCivilViews.procuratorate.open(opened);
      await tx.manager.insert(PilCase, {
        pilCaseId,
        linkedCaseId,
        procuratorateAgencyId: officer.agencyId,
        kind: request.kind,
        respondentAgencyId: respondent ?? null,
        phase: view!.phase,
        previousPhase: null,
        phaseAt: new Date(e.occurredAt),
        view: view!,
        timeline: [eventEntry(e, `public-interest case opened (${request.kind})`)],
        openedAt: new Date(e.occurredAt),
      });
      return { pilCaseId };
    });
  }
}
