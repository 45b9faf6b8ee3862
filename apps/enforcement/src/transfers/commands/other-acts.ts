import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';

import {
  agencyId,
  DomainError,
  FilingSupervisionRequested,
  stillMissing,
  TransferItemsHandedOver,
  TransferMaterialsSupplemented,
  TransferReconsiderationRequested,
  type MaterialItem,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { entry, IsText, NestedArray, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../transfer-unit-of-work';
import { MAX_MATERIALS, MaterialDto } from './send-transfer';

export class MaterialsRequest {
  @ApiProperty({ type: [MaterialDto], minItems: 1, maxItems: MAX_MATERIALS })
  @NestedArray(() => MaterialDto, { min: 1, max: MAX_MATERIALS })
  items!: MaterialDto[];
}

export class ReasonsRequest {
  @ApiProperty({ example: '监测数据表明已达追诉标准，请予复议' }) @IsText(4000) reasons!: string;
}

function toItems(items: MaterialDto[]): MaterialItem[] {
  return items.map((m) => ({ kind: m.kind, title: m.title, ...(m.evidenceId ? { evidenceId: m.evidenceId } : {}) }));
}

export class SupplementMaterialsCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: MaterialsRequest,
  ) {
    super();
  }
}
/**
 * Supplies what the police said was missing (transfer.materials-supplement, 3 days; GA art 180, E17 art 8).
 * Materials may arrive in parts: a supplement that leaves asked kinds missing is recorded, and the
 * transfer stays materials-requested (the step stays open) until every asked kind has arrived.
 */
@CommandHandler(SupplementMaterialsCommand)
export class SupplementMaterialsHandler implements ICommandHandler<SupplementMaterialsCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}
  execute({ officer, transferId, request }: SupplementMaterialsCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'supplement-materials', (t, tx) => {
      const items = toItems(request.items);
      t.materials = [...t.materials, ...items];
      t.missingMaterials = stillMissing(t.missingMaterials, items);
      if (t.missingMaterials.length === 0) t.phase = 'received';
      const still = t.missingMaterials.length > 0 ? `; still missing: ${t.missingMaterials.join(', ')}` : '';
      t.timeline = withEntry(
        t.timeline,
        entry(`materials supplemented (${items.map((i) => i.kind).join(', ')})${still}`, officer.sub),
      );
      publishAs(tx, officer, TransferMaterialsSupplemented, t.linkedCaseId, { transferId: t.id, items });
    });
  }
}

export class RequestReconsiderationCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: ReasonsRequest,
  ) {
    super();
  }
}
/** Asks the police to reconsider non-filing (transfer.reconsideration-request, 3 working days). */
@CommandHandler(RequestReconsiderationCommand)
export class RequestReconsiderationHandler implements ICommandHandler<RequestReconsiderationCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}
  execute({ officer, transferId, request }: RequestReconsiderationCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'request-reconsideration', (t, tx) => {
      t.phase = 'reconsideration-requested';
      t.timeline = withEntry(
        t.timeline,
        entry('reconsideration requested', officer.sub, new Date(), { note: request.reasons }),
      );
      publishAs(tx, officer, TransferReconsiderationRequested, t.linkedCaseId, {
        transferId: t.id,
        reasons: request.reasons,
      });
    });
  }
}

export class RequestSupervisionCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: ReasonsRequest,
  ) {
    super();
  }
}
/**
 * Asks the procuratorate for filing supervision (立案监督): after non-filing, after an upheld refusal
 * (transfer.supervision-request) or when the police let transfer.filing-review run out (E17 art 12).
 */
@CommandHandler(RequestSupervisionCommand)
export class RequestSupervisionHandler implements ICommandHandler<RequestSupervisionCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}
  execute({ officer, transferId, request }: RequestSupervisionCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'request-supervision', (t, tx) => {
      const ground =
        t.phase === 'not-filed' ? 'not-filed' : t.phase === 'upheld' ? 'upheld-on-reconsideration' : 'decision-overdue';
      if (ground === 'decision-overdue' && !t.filingReviewOverdue) {
        throw new DomainError(
          'TRANSFER.REVIEW_NOT_OVERDUE',
          'conflict',
          'The police are still within their filing-review period (transfer.filing-review); you can ask for supervision once it has run out or after a decision.',
        );
      }
      const procuratorate = t.procuratorateAgencyId ?? agencyId('procuratorate', officer.region);
      t.phase = 'supervision-requested';
      t.timeline = withEntry(
        t.timeline,
        entry(`filing supervision requested (${ground})`, officer.sub, new Date(), { note: request.reasons }),
      );
      publishAs(tx, officer, FilingSupervisionRequested, t.linkedCaseId, {
        transferId: t.id,
        procuratorateAgencyId: procuratorate,
        ground,
        reasons: request.reasons,
      });
    });
  }
}

export class HandOverItemsCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: MaterialsRequest,
  ) {
    super();
  }
}
/** Hands the seized items to the police after filing (transfer.items-handover, 3 days). */
@CommandHandler(HandOverItemsCommand)
export class HandOverItemsHandler implements ICommandHandler<HandOverItemsCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}
  execute({ officer, transferId, request }: HandOverItemsCommand): Promise<void> {
    return this.uow.act(officer, transferId, 'hand-over-items', (t, tx) => {
      const items = toItems(request.items);
      t.phase = 'items-handed-over';
      t.timeline = withEntry(t.timeline, entry(`seized items handed over (${items.length})`, officer.sub));
      publishAs(tx, officer, TransferItemsHandedOver, t.linkedCaseId, { transferId: t.id, items });
    });
  }
}
