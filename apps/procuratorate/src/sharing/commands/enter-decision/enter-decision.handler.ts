import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  CASE_OWNERSHIP,
  DecisionUseCase,
  EnterDecisionCommand,
  RecordDecisionCommand,
  SharedRecord,
  type CaseOwnership,
} from '@casebridge/sharing';

/**
 * The procuratorate office records its decisions on a linked case of its own (E17 art 34: SHARED_DECISIONS of madeBy
 * 'procuratorate') and enters them on the shared record (sharing.platform-entry, 7 days): libs/sharing DecisionUseCase.
 */
@CommandHandler(RecordDecisionCommand)
export class ProcuratorateRecordDecisionHandler implements ICommandHandler<RecordDecisionCommand> {
  private readonly useCase: DecisionUseCase;
  constructor(
    record: SharedRecord,
    @Inject(CASE_OWNERSHIP) ownership: CaseOwnership,
    @InjectDataSource() ds: DataSource,
  ) {
    this.useCase = new DecisionUseCase(record, ownership, () => ds.manager);
  }
  execute(command: RecordDecisionCommand) {
    return this.useCase.recordDecision(command);
  }
}

@CommandHandler(EnterDecisionCommand)
export class ProcuratorateEnterDecisionHandler implements ICommandHandler<EnterDecisionCommand> {
  private readonly useCase: DecisionUseCase;
  constructor(
    record: SharedRecord,
    @Inject(CASE_OWNERSHIP) ownership: CaseOwnership,
    @InjectDataSource() ds: DataSource,
  ) {
    this.useCase = new DecisionUseCase(record, ownership, () => ds.manager);
  }
  execute(command: EnterDecisionCommand) {
    return this.useCase.enterDecision(command);
  }
}
