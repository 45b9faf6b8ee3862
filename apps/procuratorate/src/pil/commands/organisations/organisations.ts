import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, ValidateBy, type ValidationArguments } from 'class-validator';
import {
  creditCodeProblem,
  ORGANISATION_REGISTRATION_LEVELS,
  PilOrganisationAssessed,
  PilSuitSupported,
  type OrganisationRegistrationLevel,
} from '@casebridge/contracts';
import { organisationIneligibility, type ProcuratoratePilCivilView } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { IsBoundedInt, IsText, NestedObject } from '@casebridge/platform';
import { CivilPilUnitOfWork, record } from '../../pil-case.record';
import { CourtRequest, courtOf } from '../sue/sue';

export class OrganisationFactsRequest {
  @ApiProperty({ example: '辽宁省生态环境保护志愿者协会' })
  @IsText(200)
  name!: string;
  @ApiProperty({ example: '51210000MJ0Y6J5X2B', description: '统一社会信用代码 of the organisation' })
  @ValidateBy({
    name: 'creditCode',
    validator: {
      validate: (value: unknown) => creditCodeProblem(value) === null,
      defaultMessage: (a?: ValidationArguments) => `creditCode ${creditCodeProblem(a?.value) ?? ''}`,
    },
  })
  creditCode!: string;
  @ApiProperty({
    enum: ORGANISATION_REGISTRATION_LEVELS,
    example: 'province',
    description: 'level of the civil-affairs department it is registered with (EPL art 58: city level or above)',
  })
  @IsIn(ORGANISATION_REGISTRATION_LEVELS, {
    message: `registrationLevel must be one of ${ORGANISATION_REGISTRATION_LEVELS.join(', ')}`,
  })
  registrationLevel!: OrganisationRegistrationLevel;
  @ApiProperty({ example: 8, description: 'consecutive years of environmental public-interest work (EPL art 58: ≥ 5)' })
  @IsBoundedInt(0, 200, { unit: 'years' })
  consecutiveYears!: number;
  @ApiProperty({ example: false, description: 'whether it has a record of violating the law in the last 5 years' })
  @IsBoolean({ message: 'violationRecord must be true or false' })
  violationRecord!: boolean;
}

export class OrganisationRequest {
  @ApiProperty({ type: OrganisationFactsRequest })
  @NestedObject(() => OrganisationFactsRequest)
  organisation!: OrganisationFactsRequest;
}

export interface OrganisationVerdict {
  eligible: boolean;
  /** one sentence per failed condition (EPL art 58); empty when eligible */
  reasons: string[];
}

export class RecordOrganisationCommand extends Command<OrganisationVerdict> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: OrganisationRequest,
  ) {
    super();
  }
}

/**
 * Records an organisation that came forward during the announcement with its eligibility facts (EPL art 58) and
 * the verdict: eligible → it sues and the procuratorate may support it; ineligible → refused, the reasons on file.
 */
@CommandHandler(RecordOrganisationCommand)
export class RecordOrganisationHandler implements ICommandHandler<RecordOrganisationCommand> {
  constructor(private readonly uow: CivilPilUnitOfWork) {}

  execute({ officer, pilCaseId, request }: RecordOrganisationCommand): Promise<OrganisationVerdict> {
    const organisation = { ...request.organisation };
    const reasons = organisationIneligibility(organisation);
    const eligible = reasons.length === 0;
    return this.uow.act(officer, pilCaseId, 'record-organisation', (c, tx) => {
      record(
        tx,
        officer,
        c,
        PilOrganisationAssessed,
        { pilCaseId, organisation, eligible, reasons },
        eligible
          ? `${organisation.name} came forward and is eligible to sue (EPL art 58)`
          : `${organisation.name} came forward and was refused: not eligible to sue (EPL art 58)`,
        reasons.join('; ') || null,
      );
      return { eligible, reasons };
    });
  }
}

export class SupportSuitCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: CourtRequest,
  ) {
    super();
  }
}

/** The head supports the eligible organisation's suit (支持起诉, pil.civil-suit-decision): the case is closed. */
@CommandHandler(SupportSuitCommand)
export class SupportSuitHandler implements ICommandHandler<SupportSuitCommand> {
  constructor(private readonly uow: CivilPilUnitOfWork) {}

  execute({ officer, pilCaseId, request }: SupportSuitCommand): Promise<void> {
    const court = courtOf(officer, request.courtAgencyId);
    return this.uow.act(officer, pilCaseId, 'support-suit', (c, tx) => {
      const plaintiff = (c.view as ProcuratoratePilCivilView).plaintiff ?? '';
      record(
        tx,
        officer,
        c,
        PilSuitSupported,
        { pilCaseId, organisationName: plaintiff, courtAgencyId: court },
        `supports the suit of ${plaintiff} before ${court}`,
      );
    });
  }
}
