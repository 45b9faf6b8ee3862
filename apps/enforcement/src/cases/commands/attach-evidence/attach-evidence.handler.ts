import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCodes, EvidenceAttached } from '@casebridge/contracts';
import { ensureOwnAgency } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { AdministrativeCase } from '../../administrative-case.entity';
import { Evidence } from '../../evidence.entity';
import { AttachEvidenceCommand } from './attach-evidence.command';

@CommandHandler(AttachEvidenceCommand)
export class AttachEvidenceHandler implements ICommandHandler<AttachEvidenceCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, caseId, request }: AttachEvidenceCommand): Promise<{ evidenceId: string }> {
    return this.outbox.run(async (tx) => {
      const c = ensureOwnAgency(
        await tx.manager.findOne(AdministrativeCase, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } }),
        officer,
        { code: ErrorCodes.caseNotFound, message: `No case ${caseId} in your agency.` },
      );
      if (c.status === 'closed')
        throw new DomainError(
          ErrorCodes.caseClosed,
          'conflict',
          'This case is closed; evidence can no longer be attached.',
        );
      const repo = tx.manager.getRepository(Evidence);
      if (await repo.exists({ where: { caseId, sha256: request.sha256 } })) {
        throw new DomainError(
          ErrorCodes.evidenceDuplicate,
          'conflict',
          'A file with this content (same SHA-256) is already attached to the case.',
        );
      }
      const ev = repo.create({
        id: randomUUID(),
        caseId,
        ...request,
        custody: request.custody.map((s) => ({ ...s })),
        attachedAt: new Date(),
      });
      await repo.insert(ev);
      publishAs(tx, officer, EvidenceAttached, c.linkedCaseId, {
        caseId,
        evidenceId: ev.id,
        kind: ev.kind,
        fileName: ev.fileName,
        sha256: ev.sha256,
        sizeBytes: ev.sizeBytes,
        custody: ev.custody,
      });
      return { evidenceId: ev.id };
    });
  }
}
