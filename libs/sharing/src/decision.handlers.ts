import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AgencyKind } from '@casebridge/contracts';
import { CASE_OWNERSHIP, type CaseOwnership } from './access/case-access';
import { DecisionUseCase, EnterDecisionCommand, RecordDecisionCommand } from './commands';
import { SharedRecord } from './shared-record';
import { SHARING_AGENCY_KIND } from './sharing.consumer';

/**
 * The handlers of "record and enter a decision on the shared record" (E17 art 34: SHARED_DECISIONS of the service's
 * agency kind; sharing.platform-entry, 7 days), one pair for every agency app: SharingModule.forAgencyKind(kind,
 * { ownership }) registers them with the kind and the app's ownership probe (CASE_OWNERSHIP) injected.
 */
abstract class DecisionHandler {
  protected readonly useCase: DecisionUseCase;
  constructor(
    @Inject(SHARING_AGENCY_KIND) kind: AgencyKind,
    record: SharedRecord,
    @Inject(CASE_OWNERSHIP) ownership: CaseOwnership,
    @InjectDataSource() ds: DataSource,
  ) {
    this.useCase = new DecisionUseCase(record, ownership, () => ds.manager, kind);
  }
}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler extends DecisionHandler implements ICommandHandler<RecordDecisionCommand> {
  execute(command: RecordDecisionCommand): Promise<{ decisionId: string }> {
    return this.useCase.recordDecision(command);
  }
}

@CommandHandler(EnterDecisionCommand)
export class EnterDecisionHandler extends DecisionHandler implements ICommandHandler<EnterDecisionCommand> {
  execute(command: EnterDecisionCommand): Promise<{ entryId: string }> {
    return this.useCase.enterDecision(command);
  }
}
