import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCodes, EvidenceAttached, MATERIAL_KINDS, type MaterialKind } from '@casebridge/contracts';
import { ensureOwnAgency, type OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { IsBoundedInt, IsInstantWithOffset, IsText, NestedArray } from '@casebridge/platform';
import { AdministrativeCase } from '../administrative-case.entity';
import { Evidence } from '../evidence.entity';

/** Largest evidence file size accepted: 1 TiB (bytes). */
export const MAX_EVIDENCE_BYTES = 2 ** 40;

export class CustodyStepDto {
  @ApiProperty({ example: '2025-09-20T11:00:00+08:00', description: 'ISO-8601 instant with offset, not in the future' })
  @IsInstantWithOffset({ notInFuture: true })
  at!: string;
  @ApiProperty({ example: 'officer-zhang', minLength: 1, maxLength: 128 }) @IsText(128) by!: string;
  @ApiProperty({ example: 'sampled at outlet 2, sealed bag 0091', minLength: 1, maxLength: 200 })
  @IsText(200)
  action!: string;
}

export class AttachEvidenceRequest {
  @ApiProperty({ enum: MATERIAL_KINDS, example: 'monitoring-report', description: 'category of E17 art 6' })
  @IsIn(MATERIAL_KINDS, { message: `kind must be one of ${MATERIAL_KINDS.join(', ')}` })
  kind!: MaterialKind;
  @ApiProperty({ example: '监测报告-2025-0917.pdf' }) @IsText(255) fileName!: string;
  @ApiProperty({
    example: 'a3f1c2d4e5b6978812345678901234567890abcdef1234567890abcdef123456',
    description: 'SHA-256 of the file content, 64 lowercase hex characters',
  })
  @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be 64 lowercase hexadecimal characters' })
  sha256!: string;
  @ApiProperty({
    example: 482113,
    minimum: 0,
    maximum: MAX_EVIDENCE_BYTES,
    description: 'file size in bytes (at most 1 TiB)',
  })
  @IsBoundedInt(0, MAX_EVIDENCE_BYTES)
  sizeBytes!: number;
  @ApiProperty({
    type: [CustodyStepDto],
    minItems: 1,
    maxItems: 100,
    description: 'the custody trail (who held the item when): at least the collecting step',
  })
  @NestedArray(() => CustodyStepDto, {
    min: 1,
    max: 100,
    minMessage: 'custody must record at least one step (who collected the item, when)',
  })
  custody!: CustodyStepDto[];
}

export class AttachEvidenceCommand extends Command<{ evidenceId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly caseId: string,
    readonly request: AttachEvidenceRequest,
  ) {
    super();
  }
}

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
