import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, Matches } from 'class-validator';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCodes, PilSuitFiled } from '@casebridge/contracts';
import { courtOfSender } from '@casebridge/directory';
import type { ProcuratoratePilCivilView } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { PilCase } from '../../pil-case.entity';
import { AdminPilUnitOfWork, CivilPilUnitOfWork, record } from '../../pil-case.record';

export class CourtRequest {
  @ApiPropertyOptional({
    example: 'court:210100',
    description:
      'the court within your jurisdiction (the environmental jurisdiction map, 集中管辖: the court that hears your region, or a lower court of your city that hears its own district; else 404 AGENCY.OUTSIDE_JURISDICTION); default: the court the map gives your region, else the court of your region',
  })
  @IsOptional()
  @Matches(/^court:\d{6}$/, { message: 'courtAgencyId must be a court id such as court:210100' })
  courtAgencyId?: string;
}

/**
 * The court a suit goes to: the one asked for when the jurisdiction map allows it, else the court the map gives the
 * procuratorate's region (`courtOfSender`; 404 AGENCY.OUTSIDE_JURISDICTION for a court it does not allow).
 */
export function courtOf(officer: OfficerClaims, asked: string | undefined): string {
  return courtOfSender(officer.agencyId, asked);
}

export class SuePilCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: CourtRequest,
  ) {
    super();
  }
}

/**
 * The head brings the public-interest suit (pil.admin-suit-decision after the reply or its end;
 * pil.civil-suit-decision after the announcement): pil.suit-filed names the court. A civil case waits while a
 * damage consultation on the same conduct is open (409 PIL.WAITING_FOR_CONSULTATION).
 */
@CommandHandler(SuePilCommand)
export class SuePilHandler implements ICommandHandler<SuePilCommand> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly admin: AdminPilUnitOfWork,
    private readonly civil: CivilPilUnitOfWork,
  ) {}

  async execute({ officer, pilCaseId, request }: SuePilCommand): Promise<void> {
    const court = courtOf(officer, request.courtAgencyId);
    const kind = (await this.ds.getRepository(PilCase).findOne({ where: { pilCaseId }, select: { kind: true } }))?.kind;
    if (kind === 'administrative')
      return this.admin.act(officer, pilCaseId, 'sue', (c, tx) => {
        record(
          tx,
          officer,
          c,
          PilSuitFiled,
          { pilCaseId, courtAgencyId: court, kind: 'administrative' },
          `administrative public-interest suit filed with ${court}`,
        );
      });
    return this.civil.act(officer, pilCaseId, 'sue', (c, tx) => {
      const view = c.view as ProcuratoratePilCivilView;
      if (view.waiting)
        throw new DomainError(
          ErrorCodes.pilWaitingForConsultation,
          'conflict',
          `You cannot sue yet: the damage consultation ${view.waitingForEdcCaseId ?? ''} on the same conduct is open; the compensation claim goes first (flows.md §6).`,
        );
      record(
        tx,
        officer,
        c,
        PilSuitFiled,
        { pilCaseId, courtAgencyId: court, kind: 'civil' },
        `civil public-interest suit filed with ${court}`,
      );
    });
  }
}
