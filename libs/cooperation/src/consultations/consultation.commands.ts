/**
 * The acts of two-way consultation (双向案件咨询, flows.md §5): ask another agency in writing, with attachments
 * named, sized and hashed like evidence (E17 art 6), and reply in writing (consultation.written-reply, 7 days,
 * E17 art 24). Each act: lock, guard with the flow (libs/flows consultation.flow.ts), fold, save, outbox — one
 * transaction.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { ConsultationReplied, ConsultationRequested, DomainError, MAX_ATTACHMENT_BYTES } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { ConsultationErrors, CONSULTED_ACT_RULES } from '@casebridge/flows';
import { assertAct, IsBoundedInt, IsId, IsText, NestedArray } from '@casebridge/platform';
import { fold, partyRecord, saveRecord } from '../cooperation.records';

export class AttachmentDto {
  @ApiProperty({ example: '监测报告-2025-0917.pdf', maxLength: 255 }) @IsText(255) fileName!: string;
  @ApiProperty({
    example: 'a3f1c2d4e5b6978812345678901234567890abcdef1234567890abcdef123456',
    description: 'SHA-256 of the file content, 64 lowercase hex characters',
  })
  @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be 64 lowercase hexadecimal characters' })
  sha256!: string;
  @ApiProperty({ example: 482113, minimum: 0, maximum: MAX_ATTACHMENT_BYTES, description: 'bytes (at most 1 TiB)' })
  @IsBoundedInt(0, MAX_ATTACHMENT_BYTES)
  sizeBytes!: number;
}

export class AskRequest {
  @ApiProperty({
    example: '0190f7a2-6c1e-7b3a-9d2b-5a6c7d8e9f01',
    description: 'the linked case the question concerns',
  })
  @IsId()
  linkedCaseId!: string;
  @ApiProperty({ example: 'police:210100', description: 'the agency consulted (not yourself)' })
  @Matches(/^(enforcement|police|procuratorate):\d{6}$/, {
    message: 'consultedAgencyId must be an agency id such as police:210100 (enforcement, police or procuratorate)',
  })
  consultedAgencyId!: string;
  @ApiProperty({ example: '涉案废水总铬浓度超标3倍以上，是否达到立案追诉标准？', maxLength: 4000 })
  @IsText(4000)
  question!: string;
  @ApiProperty({
    type: [AttachmentDto],
    minItems: 1,
    maxItems: 20,
    description: 'the materials the written question encloses (names, sizes and hashes, not content): at least one',
  })
  @NestedArray(() => AttachmentDto, {
    min: 1,
    max: 20,
    minMessage: 'attachments must name at least one file the question encloses',
  })
  attachments!: AttachmentDto[];
}

export class AskCommand extends Command<{ consultationId: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: AskRequest,
  ) {
    super();
  }
}

@CommandHandler(AskCommand)
export class AskHandler implements ICommandHandler<AskCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: AskCommand): Promise<{ consultationId: string }> {
    if (request.consultedAgencyId === officer.agencyId)
      throw new DomainError(ConsultationErrors.consultedInvalid, 'invalid', 'You cannot consult your own office.');
    const hashes = request.attachments.map((a) => a.sha256);
    if (new Set(hashes).size !== hashes.length)
      throw new DomainError(
        ConsultationErrors.attachmentDuplicate,
        'invalid',
        'Two attachments have the same content (same SHA-256): attach each file once.',
      );
    return this.outbox.run(async (tx) => {
      const consultationId = randomUUID();
      const e = publishAs(tx, officer, ConsultationRequested, request.linkedCaseId, {
        consultationId,
        consultedAgencyId: request.consultedAgencyId,
        question: request.question,
        attachments: request.attachments.map((a) => ({
          fileName: a.fileName,
          sha256: a.sha256,
          sizeBytes: a.sizeBytes,
        })),
      });
      await saveRecord(
        tx.manager,
        'consultation',
        consultationId,
        request.linkedCaseId,
        fold('consultation', null, e)!,
      );
      return { consultationId };
    });
  }
}

export class ReplyRequest {
  @ApiProperty({ example: '已达到立案追诉标准，建议移送公安机关。', maxLength: 8000 }) @IsText(8000) reply!: string;
}

export class ReplyCommand extends Command<{ repliedAt: string }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly consultationId: string,
    readonly request: ReplyRequest,
  ) {
    super();
  }
}

@CommandHandler(ReplyCommand)
export class ReplyHandler implements ICommandHandler<ReplyCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  execute({ officer, consultationId, request }: ReplyCommand): Promise<{ repliedAt: string }> {
    return this.outbox.run(async (tx) => {
      const { row, view } = await partyRecord(tx.manager, 'consultation', consultationId, officer.agencyId, true);
      if (view.consultedAgencyId !== officer.agencyId)
        throw new DomainError(
          ConsultationErrors.outOfOrder,
          'conflict',
          'You asked this question: the consulted agency replies to it.',
        );
      assertAct(CONSULTED_ACT_RULES, 'reply', { phase: view.phase });
      const e = publishAs(tx, officer, ConsultationReplied, row.linkedCaseId, { consultationId, reply: request.reply });
      await saveRecord(tx.manager, 'consultation', consultationId, row.linkedCaseId, fold('consultation', view, e)!);
      return { repliedAt: e.occurredAt };
    });
  }
}
