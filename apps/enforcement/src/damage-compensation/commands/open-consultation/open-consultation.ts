import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DomainError, EdcConsultationOpened, ErrorCodes, type EdcConsultationOpenedV1 } from '@casebridge/contracts';
import { edcViews, type FlowEvent } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { eventEntry, IsText, NestedObject } from '@casebridge/platform';
import type { LinkedCaseProbe } from '@casebridge/sharing';
import { PartyDto } from '../../../cases/commands/register-case/register-case.request.dto';
import { EdcCase } from '../../edc-case.entity';

/** PostgreSQL's SQLSTATE of a unique index refusing a row. */
const UNIQUE_VIOLATION = '23505';

export class OpenConsultationRequest {
  @ApiProperty({
    type: PartyDto,
    description: 'the liable company',
    example: { name: '沈阳某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
  })
  @NestedObject(() => PartyDto)
  liableParty!: PartyDto;
  @ApiProperty({
    example: '沈环赔磋〔2026〕1号',
    description: 'number of the written consultation notice (磋商告知书)',
  })
  @IsText(64)
  noticeNumber!: string;
  @ApiProperty({ example: '通过暗管排放含铬废水，致下游农田 12 亩土壤污染' })
  @IsText(4000)
  damage!: string;
  @ApiPropertyOptional({
    example: '0190c0de-0000-7000-8000-0000000000aa',
    description:
      'the linked case of the conduct (e.g. of the administrative case): one your office holds or that was shared with it (else 404 CASE.LINKED_CASE_UNKNOWN); a civil PIL on it waits meanwhile; new when absent',
  })
  @IsOptional()
  @IsUUID('all', { message: 'linkedCaseId must be a UUID' })
  linkedCaseId?: string;
}

/** An office may name again a linked case of a damage-compensation case of its own (@MayLinkCase's `holds`). */
export const holdsEdcCase: LinkedCaseProbe = (manager, agencyId, linkedCaseId) =>
  manager.existsBy(EdcCase, { agencyId, linkedCaseId });

export class OpenConsultationCommand extends Command<{ edcCaseId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: OpenConsultationRequest,
  ) {
    super();
  }
}

/**
 * Serves the written consultation notice on the liable company: edc.consultation starts (90 days, 3 meetings).
 * @throws 409 EDC.NOTICE_NUMBER_TAKEN: the agency already opened a case under that notice number (unique index)
 * The route checks the linked case before (@MayLinkCase('linkedCaseId', { holds: holdsEdcCase }): 404
 * CASE.LINKED_CASE_UNKNOWN for a linked case the office neither holds nor was granted).
 */
@CommandHandler(OpenConsultationCommand)
export class OpenConsultationHandler implements ICommandHandler<OpenConsultationCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: OpenConsultationCommand): Promise<{ edcCaseId: string }> {
    const taken = () =>
      new DomainError(
        ErrorCodes.edcNoticeNumberTaken,
        'conflict',
        `Your agency already served a consultation notice numbered ${request.noticeNumber}: give this one its own number.`,
      );
    return this.outbox.run(async (tx) => {
      if (await tx.manager.existsBy(EdcCase, { agencyId: officer.agencyId, noticeNumber: request.noticeNumber }))
        throw taken();
      const edcCaseId = randomUUID();
      const linkedCaseId = request.linkedCaseId ?? randomUUID();
      const e = publishAs(tx, officer, EdcConsultationOpened, linkedCaseId, {
        edcCaseId,
        liableParty: { name: request.liableParty.name, creditCode: request.liableParty.creditCode },
        noticeNumber: request.noticeNumber,
        damage: request.damage,
      });
      const view = edcViews.claimant.open(e as FlowEvent<'edc.consultation-opened', EdcConsultationOpenedV1>);
      await tx.manager
        .insert(EdcCase, {
          edcCaseId,
          linkedCaseId,
          agencyId: officer.agencyId,
          liableCreditCode: request.liableParty.creditCode,
          noticeNumber: request.noticeNumber,
          phase: view.phase,
          previousPhase: null,
          phaseAt: new Date(e.occurredAt),
          view,
          timeline: [
            eventEntry(
              e,
              `consultation notice ${request.noticeNumber} served on ${request.liableParty.name} (edc.consultation)`,
            ),
          ],
          openedAt: new Date(e.occurredAt),
        })
        .catch((err: unknown) => {
          // the same number opened concurrently: the unique index answers
          if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw taken();
          throw err;
        });
      return { edcCaseId };
    });
  }
}
