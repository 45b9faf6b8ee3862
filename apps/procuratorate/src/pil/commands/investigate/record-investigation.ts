import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PilInvestigationRecorded } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';
import { PilCase } from '../../pil-case.entity';
import { AdminPilUnitOfWork, CivilPilUnitOfWork, record } from '../../pil-case.record';

export class InvestigationRequest {
  @ApiProperty({ example: '经现场勘查，危险废物仍堆放于河滩，区生态环境局未立案查处' })
  @IsText(4000)
  findings!: string;
}

export class RecordInvestigationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: InvestigationRequest,
  ) {
    super();
  }
}

/** Records the findings of the investigation (调查核实) of a PIL case, either kind. */
@CommandHandler(RecordInvestigationCommand)
export class RecordInvestigationHandler implements ICommandHandler<RecordInvestigationCommand> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly admin: AdminPilUnitOfWork,
    private readonly civil: CivilPilUnitOfWork,
  ) {}

  async execute({ officer, pilCaseId, request }: RecordInvestigationCommand): Promise<void> {
    const kind = (await this.ds.getRepository(PilCase).findOne({ where: { pilCaseId }, select: { kind: true } }))?.kind;
    const act = (c: PilCase, tx: Parameters<Parameters<AdminPilUnitOfWork['act']>[3]>[1]) => {
      record(
        tx,
        officer,
        c,
        PilInvestigationRecorded,
        { pilCaseId, findings: request.findings },
        'investigation recorded',
      );
    };
    if (kind === 'administrative') return this.admin.act(officer, pilCaseId, 'record-investigation', act);
    return this.civil.act(officer, pilCaseId, 'record-investigation', act);
  }
}
