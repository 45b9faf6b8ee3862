import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { TransferMaterialsRequested } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { entry, withEntry } from '@casebridge/platform';
import { PoliceUnitOfWork } from '../../police-unit-of-work';
import { RequestMaterialsCommand } from './request-materials.command';

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
