import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { CaseRegistered, creditCodeProblem, DomainError, newEventId } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { IsInstantWithOffset, IsText, NestedObject } from '@casebridge/platform';
import { AdministrativeCase } from '../administrative-case.entity';

/** A unified social credit code whose check character is right (GB 32100-2015; libs/contracts credit-code.ts). */
function IsCreditCode(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (a: ValidationArguments) => `${a.property} ${creditCodeProblem(a.value) ?? ''}` },
      validator: { validate: (value: unknown) => creditCodeProblem(value) === null },
    });
}

export class PartyDto {
  @ApiProperty({ example: '沈阳某化工有限公司', description: 'name of the party (company or person)' })
  @IsText(200)
  name!: string;
  @ApiProperty({
    example: '91210100MA0Y6J5X2U',
    description: '统一社会信用代码 (GB 32100-2015), 18 characters; its check character is verified',
    minLength: 18,
    maxLength: 18,
    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
  })
  @IsCreditCode()
  creditCode!: string;
}

export class RegisterCaseRequest {
  @ApiProperty({ example: '辽沈环罚〔2025〕12号', description: 'the agency’s own case number' })
  @IsText(64)
  caseNumber!: string;
  @ApiProperty({ type: PartyDto }) @NestedObject(() => PartyDto) party!: PartyDto;
  @ApiProperty({ example: '通过暗管向河道排放含铬废水', description: 'the suspected violation' })
  @IsText(2000)
  violation!: string;
  @ApiProperty({
    example: '2025-09-20T10:30:00+08:00',
    description: 'when the facts were discovered (ISO-8601 with offset)',
  })
  @IsInstantWithOffset()
  discoveredAt!: string;
}

export class RegisterCaseCommand extends Command<{ caseId: string; linkedCaseId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: RegisterCaseRequest,
  ) {
    super();
  }
}

/** Registers an administrative case (立案); starts penalty.decision-period. */
@CommandHandler(RegisterCaseCommand)
export class RegisterCaseHandler implements ICommandHandler<RegisterCaseCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: RegisterCaseCommand): Promise<{ caseId: string; linkedCaseId: string }> {
    if (Date.parse(request.discoveredAt) > Date.now() + 60_000) {
      throw new DomainError(
        'CASE.DISCOVERED_IN_FUTURE',
        'invalid',
        'discoveredAt lies in the future; enter when the facts were actually discovered.',
      );
    }
    return this.outbox.run(async (tx) => {
      const repo = tx.manager.getRepository(AdministrativeCase);
      if (await repo.exists({ where: { agencyId: officer.agencyId, caseNumber: request.caseNumber } })) {
        throw new DomainError(
          'CASE.NUMBER_TAKEN',
          'conflict',
          `Your agency already has a case numbered ${request.caseNumber}.`,
        );
      }
      const now = new Date();
      const c = repo.create({
        id: randomUUID(),
        linkedCaseId: newEventId(),
        agencyId: officer.agencyId,
        region: officer.region,
        caseNumber: request.caseNumber,
        partyName: request.party.name,
        partyCreditCode: request.party.creditCode,
        violation: request.violation,
        discoveredAt: new Date(request.discoveredAt),
        registeredAt: now,
        registeredBy: officer.sub,
        status: 'open',
        penaltySuspensions: [],
      });
      await repo.insert(c);
      publishAs(
        tx,
        officer,
        CaseRegistered,
        c.linkedCaseId,
        {
          caseId: c.id,
          caseNumber: c.caseNumber,
          region: c.region,
          party: { name: c.partyName, creditCode: c.partyCreditCode },
          violation: c.violation,
          discoveredAt: c.discoveredAt.toISOString(),
        },
        { occurredAt: now },
      );
      return { caseId: c.id, linkedCaseId: c.linkedCaseId };
    });
  }
}
