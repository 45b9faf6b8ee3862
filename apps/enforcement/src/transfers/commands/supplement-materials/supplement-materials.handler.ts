import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { stillMissing, TransferMaterialsSupplemented } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../../transfer-unit-of-work';
import { toItems } from '../materials.dto';
import { SupplementMaterialsCommand } from './supplement-materials.command';

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
