import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches, ValidateBy } from 'class-validator';

import {
  DomainError,
  MATERIAL_KINDS,
  TransferForwarded,
  TransferMaterialsRequested,
  TransferReceiptSigned,
  type MaterialKind,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { IncomingTransfer } from '../incoming-transfer.entity';
import { AbsentWhen, BoundedArray, entry, IsText, RequiredWhen, withEntry } from '@casebridge/platform';
import { isDivisionCode } from '@casebridge/directory';
import { PoliceUnitOfWork } from '../police-unit-of-work';

export class SignReceiptRequest {
  @ApiProperty({ example: '沈公（环）受字〔2025〕31号', description: 'number of the receipt (回执)' })
  @IsText(64)
  receiptNumber!: string;
}
export class SignReceiptCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: SignReceiptRequest,
  ) {
    super();
  }
}
/** Signs the receipt at once (transfer.receipt); starts transfer.filing-review (3 days). */
@CommandHandler(SignReceiptCommand)
export class SignReceiptHandler implements ICommandHandler<SignReceiptCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: SignReceiptCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'sign-receipt', (t, tx) => {
      t.phase = 'received';
      t.receiptNumber = request.receiptNumber;
      t.receiptSignedAt = new Date();
      t.timeline = withEntry(t.timeline, entry(`receipt ${request.receiptNumber} signed`, officer.sub));
      publishAs(tx, officer, TransferReceiptSigned, t.linkedCaseId, {
        transferId: t.id,
        receiptNumber: request.receiptNumber,
      });
    });
  }
}

export class ForwardRequest {
  @ApiProperty({
    enum: ['forwarded', 'returned'],
    example: 'forwarded',
    description: 'forward to the competent police office, or return to the sender',
  })
  @IsIn(['forwarded', 'returned'], { message: 'mode must be forwarded or returned' })
  mode!: 'forwarded' | 'returned';
  @ApiPropertyOptional({
    example: 'police:210200',
    description:
      'required when forwarding: the competent police office; left out when returning (the transfer goes back to its sender)',
  })
  @AbsentWhen(
    (o: ForwardRequest) => o.mode === 'returned',
    'toAgencyId must be left out when returning: a returned transfer goes back to the enforcement agency that sent it; use mode forwarded to send it to another police office',
  )
  @RequiredWhen(
    (o: ForwardRequest) => o.mode === 'forwarded',
    'toAgencyId is required when forwarding: name the competent police office, e.g. police:210200',
  )
  @Matches(/^police:\d{6}$/, { message: 'toAgencyId must be a police office id such as police:210200 when forwarding' })
  @ValidateBy({
    name: 'isDivisionOfChina',
    validator: {
      validate: (v: unknown) =>
        typeof v !== 'string' || !/^police:\d{6}$/.test(v) || isDivisionCode(v.slice('police:'.length)),
      defaultMessage: () =>
        'toAgencyId names no administrative division of China (GB/T 2260): check the 6-digit division code of the competent police office',
    },
  })
  toAgencyId?: string;
  @ApiProperty({ example: '案发地属大连市，不属本局管辖' }) @IsText(4000) reasons!: string;
}
export class ForwardCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: ForwardRequest,
  ) {
    super();
  }
}
/** Outside our competence: forward or return with written notice, copy to the procuratorate (transfer.forward-or-return, 24 h). */
@CommandHandler(ForwardCommand)
export class ForwardHandler implements ICommandHandler<ForwardCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: ForwardCommand): Promise<void> {
    if (request.mode === 'forwarded' && request.toAgencyId === officer.agencyId) {
      throw new DomainError('TRANSFER.FORWARD_TO_SELF', 'invalid', 'You cannot forward a transfer to your own office.');
    }
    return this.uow.act(officer, transferId, 'forward', async (t, tx) => {
      t.phase = request.mode;
      t.timeline = withEntry(
        t.timeline,
        entry(
          request.mode === 'forwarded' ? `forwarded to ${request.toAgencyId}` : 'returned to the sender',
          officer.sub,
          new Date(),
          { note: request.reasons },
        ),
      );
      publishAs(tx, officer, TransferForwarded, t.linkedCaseId, {
        transferId: t.id,
        mode: request.mode,
        reasons: request.reasons,
        ...(request.mode === 'forwarded' ? { toAgencyId: request.toAgencyId } : {}),
      });
      if (request.mode === 'forwarded' && request.toAgencyId) {
        // The competent office receives the same transfer in its own list (one police service serves every office).
        if (await tx.manager.existsBy(IncomingTransfer, { id: t.id, agencyId: request.toAgencyId })) {
          throw new DomainError(
            'TRANSFER.ALREADY_THERE',
            'conflict',
            `${request.toAgencyId} already received this transfer.`,
          );
        }
        const { version: _v, updatedAt: _u, ...rest } = t;
        await tx.manager.insert(IncomingTransfer, {
          ...rest,
          agencyId: request.toAgencyId,
          phase: 'awaiting-receipt',
          phaseAt: new Date(),
          receivedAt: new Date(),
          receiptNumber: null,
          receiptSignedAt: null,
          reviewVariant: 'standard',
          timeline: [
            entry(`forwarded here by ${officer.agencyId}`, officer.sub, new Date(), { note: request.reasons }),
          ],
        });
      }
    });
  }
}

export class RequestMaterialsRequest {
  @ApiProperty({ enum: MATERIAL_KINDS, isArray: true, example: ['monitoring-report'] })
  @BoundedArray(1, MATERIAL_KINDS.length, 'missing must list at least one kind of material')
  @IsIn(MATERIAL_KINDS, { each: true, message: `missing must list kinds among ${MATERIAL_KINDS.join(', ')}` })
  missing!: MaterialKind[];
  @ApiProperty({ example: '缺少监测报告原件' }) @IsText(4000) note!: string;
}
export class RequestMaterialsCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: RequestMaterialsRequest,
  ) {
    super();
  }
}
/** Materials incomplete: say so within 24 h (transfer.materials-notice); the case may not be refused for this. */
@CommandHandler(RequestMaterialsCommand)
export class RequestMaterialsHandler implements ICommandHandler<RequestMaterialsCommand> {
  constructor(private readonly uow: PoliceUnitOfWork) {}
  execute({ officer, transferId, request }: RequestMaterialsCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'request-materials', (t, tx) => {
      t.phase = 'materials-requested';
      t.missingMaterials = request.missing;
      t.timeline = withEntry(
        t.timeline,
        entry(`asked for missing materials: ${request.missing.join(', ')}`, officer.sub),
      );
      publishAs(tx, officer, TransferMaterialsRequested, t.linkedCaseId, {
        transferId: t.id,
        missing: request.missing,
        note: request.note,
      });
    });
  }
}
