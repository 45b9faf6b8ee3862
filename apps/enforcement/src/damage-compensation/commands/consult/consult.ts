import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import {
  DomainError,
  EdcConsultationAgreed,
  EdcConsultationFailed,
  EdcMeetingHeld,
  ErrorCodes,
} from '@casebridge/contracts';
import { MAX_CONSULTATION_MEETINGS, mayHoldMeeting } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';
import { EdcCaseUnitOfWork, record } from '../../edc-case.record';

export class MeetingRequest {
  @ApiProperty({ example: '双方就修复方案和赔偿数额进行第一次磋商，赔偿义务人同意委托第三方修复' })
  @IsText(4000)
  minutes!: string;
}

export class HoldMeetingCommand extends Command<{ round: number }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly edcCaseId: string,
    readonly request: MeetingRequest,
  ) {
    super();
  }
}

/** Records a consultation meeting (round 1–3); a fourth is refused (409 EDC.MEETING_LIMIT). */
@CommandHandler(HoldMeetingCommand)
export class HoldMeetingHandler implements ICommandHandler<HoldMeetingCommand> {
  constructor(private readonly uow: EdcCaseUnitOfWork) {}

  execute({ officer, edcCaseId, request }: HoldMeetingCommand): Promise<{ round: number }> {
    return this.uow.act(officer, edcCaseId, 'hold-meeting', (c, tx) => {
      if (!mayHoldMeeting(c.view))
        throw new DomainError(
          ErrorCodes.edcMeetingLimit,
          'conflict',
          `You cannot hold another meeting: the consultation allows at most ${MAX_CONSULTATION_MEETINGS} (edc.consultation). Record the agreement or the failure.`,
        );
      const round = c.view.meetings.length + 1;
      record(
        tx,
        officer,
        c,
        EdcMeetingHeld,
        { edcCaseId, round, minutes: request.minutes },
        `consultation meeting ${round} held`,
        request.minutes,
      );
      return { round };
    });
  }
}

export class AgreementRequest {
  @ApiProperty({ example: '赔偿义务人于 2026 年 6 月前完成农田修复，并赔偿生态环境服务功能损失 120 万元' })
  @IsText(4000)
  agreementSummary!: string;
}

export class RecordAgreementCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly edcCaseId: string,
    readonly request: AgreementRequest,
  ) {
    super();
  }
}

/**
 * Head: records the compensation agreement reached in the consultation; the consultation ends (edc.consultation met).
 * @throws 409 EDC.NO_MEETING_HELD: no consultation meeting was recorded (an agreement comes out of a meeting)
 */
@CommandHandler(RecordAgreementCommand)
export class RecordAgreementHandler implements ICommandHandler<RecordAgreementCommand> {
  constructor(private readonly uow: EdcCaseUnitOfWork) {}

  execute({ officer, edcCaseId, request }: RecordAgreementCommand): Promise<void> {
    return this.uow.act(officer, edcCaseId, 'record-agreement', (c, tx) => {
      if (c.view.meetings.length === 0)
        throw new DomainError(
          ErrorCodes.edcNoMeetingHeld,
          'conflict',
          'You cannot record an agreement yet: no consultation meeting was held. Record the meeting it was reached in first.',
        );
      record(
        tx,
        officer,
        c,
        EdcConsultationAgreed,
        { edcCaseId, agreementSummary: request.agreementSummary },
        'compensation agreement reached: apply for judicial confirmation',
        request.agreementSummary,
      );
    });
  }
}

export class FailureRequest {
  @ApiProperty({ example: '赔偿义务人拒绝承担修复费用，三次磋商未达成一致' })
  @IsText(4000)
  reasons!: string;
}

export class RecordFailureCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly edcCaseId: string,
    readonly request: FailureRequest,
  ) {
    super();
  }
}

/** Records that the consultation failed: the agency sues; a civil PIL on the same conduct goes on. */
@CommandHandler(RecordFailureCommand)
export class RecordFailureHandler implements ICommandHandler<RecordFailureCommand> {
  constructor(private readonly uow: EdcCaseUnitOfWork) {}

  execute({ officer, edcCaseId, request }: RecordFailureCommand): Promise<void> {
    return this.uow.act(officer, edcCaseId, 'record-failure', (c, tx) => {
      record(
        tx,
        officer,
        c,
        EdcConsultationFailed,
        { edcCaseId, reasons: request.reasons },
        'the consultation failed: sue for compensation',
        request.reasons,
      );
    });
  }
}
