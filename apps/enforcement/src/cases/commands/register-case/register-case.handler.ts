import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CaseRegistered, DomainError, newEventId } from '@casebridge/contracts';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { AdministrativeCase } from '../../administrative-case.entity';
import { RegisterCaseCommand } from './register-case.command';

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
