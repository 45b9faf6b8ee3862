import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';

import {
  FilingSupervisionChaserIssued,
  FilingSupervisionExplanationRequired,
  FilingSupervisionReasonsAccepted,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { entry, IsText, withEntry } from '@casebridge/platform';
import { FilingSupervisionUnitOfWork } from '../filing-supervision-unit-of-work';

export class ExplanationRequest {
  @ApiProperty({
    example: '请说明对该移送案件不予立案的理由',
    description: 'what the police must explain (通知说明不立案理由书)',
  })
  @IsText(4000)
  question!: string;
}

export class NoteRequest {
  @ApiProperty({ example: '经审查，公安机关不立案理由成立', description: 'goes on file and to the other agencies' })
  @IsText(4000)
  note!: string;
}

export class RequireExplanationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
    readonly request: ExplanationRequest,
  ) {
    super();
  }
}
/** Requires the police to explain why they did not file (JR arts 559–560); starts supervision.police-explain (7 days). */
@CommandHandler(RequireExplanationCommand)
export class RequireExplanationHandler implements ICommandHandler<RequireExplanationCommand> {
  constructor(private readonly uow: FilingSupervisionUnitOfWork) {}
  execute({ officer, supervisionId, request }: RequireExplanationCommand): Promise<void> {
    return this.uow.act(officer, supervisionId, 'require-explanation', (s, tx) => {
      s.phase = 'explanation-required';
      s.question = request.question;
      s.timeline = withEntry(
        s.timeline,
        entry('police required to explain non-filing (supervision.police-explain, 7 days)', officer.sub, new Date(), {
          note: request.question,
        }),
      );
      publishAs(tx, officer, FilingSupervisionExplanationRequired, s.linkedCaseId, {
        supervisionId: s.supervisionId,
        transferId: s.transferId,
        question: request.question,
      });
    });
  }
}

export class AcceptReasonsCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
    readonly request: NoteRequest,
  ) {
    super();
  }
}
/** The police reasons are valid: the agency is told (supervision.tell-agency, 10 days; JR art 561); the supervision closes. */
@CommandHandler(AcceptReasonsCommand)
export class AcceptReasonsHandler implements ICommandHandler<AcceptReasonsCommand> {
  constructor(private readonly uow: FilingSupervisionUnitOfWork) {}
  execute({ officer, supervisionId, request }: AcceptReasonsCommand): Promise<void> {
    return this.uow.act(officer, supervisionId, 'accept-reasons', (s, tx) => {
      s.phase = 'reasons-accepted';
      s.timeline = withEntry(
        s.timeline,
        entry(
          'police reasons accepted; the enforcement agency is told (supervision.tell-agency); closed',
          officer.sub,
          new Date(),
          { note: request.note },
        ),
      );
      publishAs(tx, officer, FilingSupervisionReasonsAccepted, s.linkedCaseId, {
        supervisionId: s.supervisionId,
        transferId: s.transferId,
        note: request.note,
      });
    });
  }
}

export class IssueChaserCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly supervisionId: string,
    readonly request: NoteRequest,
  ) {
    super();
  }
}
/** 催办函: the investigation filed under supervision has not concluded (supervision.investigation-chaser; JR art 564). */
@CommandHandler(IssueChaserCommand)
export class IssueChaserHandler implements ICommandHandler<IssueChaserCommand> {
  constructor(private readonly uow: FilingSupervisionUnitOfWork) {}
  execute({ officer, supervisionId, request }: IssueChaserCommand): Promise<void> {
    return this.uow.act(officer, supervisionId, 'issue-chaser', (s, tx) => {
      s.phase = 'chaser-issued';
      s.timeline = withEntry(
        s.timeline,
        entry('chaser issued to the police (supervision.investigation-chaser)', officer.sub, new Date(), {
          note: request.note,
        }),
      );
      publishAs(tx, officer, FilingSupervisionChaserIssued, s.linkedCaseId, {
        supervisionId: s.supervisionId,
        transferId: s.transferId,
        note: request.note,
      });
    });
  }
}
