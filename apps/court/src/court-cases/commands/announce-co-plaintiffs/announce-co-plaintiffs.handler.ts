import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CourtCoPlaintiffAnnounced } from '@casebridge/contracts';
import { publishAs } from '@casebridge/messaging';
import { CourtCaseUnitOfWork } from '../../court-case-unit-of-work';
import { assertOnce } from '../../court-case.machine';
import { record } from '../../court-case.timeline';
import { AnnounceCoPlaintiffsCommand } from './announce-co-plaintiffs.command';

/** Announces a civil PIL so eligible organisations may apply to join within 30 days (court.co-plaintiff-window; EnvPIL art 10). */
@CommandHandler(AnnounceCoPlaintiffsCommand)
export class AnnounceCoPlaintiffsHandler implements ICommandHandler<AnnounceCoPlaintiffsCommand> {
  constructor(private readonly uow: CourtCaseUnitOfWork) {}

  execute({ officer, courtCaseId, request }: AnnounceCoPlaintiffsCommand): Promise<void> {
    return this.uow.act(officer, courtCaseId, 'announce-co-plaintiffs', (c, tx) => {
      assertOnce(c.coPlaintiffAnnouncedAt, 'announce-co-plaintiffs');
      c.coPlaintiffAnnouncedAt = new Date();
      record(c, officer, `announced for co-plaintiffs in ${request.channel} (court.co-plaintiff-window, 30 days)`);
      publishAs(tx, officer, CourtCoPlaintiffAnnounced, c.linkedCaseId, {
        courtCaseId: c.courtCaseId,
        channel: request.channel,
      });
    });
  }
}
