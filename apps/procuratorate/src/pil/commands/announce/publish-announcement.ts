import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { PilAnnouncementPublished, PilClockChanged } from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';
import { PilEdcWatch } from '../../pil-case.entity';
import { CivilPilUnitOfWork, record } from '../../pil-case.record';

export class AnnouncementRequest {
  @ApiProperty({ example: '正义网', description: 'where the pre-suit announcement is published' })
  @IsText(500)
  channel!: string;
}

export class PublishAnnouncementCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly request: AnnouncementRequest,
  ) {
    super();
  }
}

/**
 * Publishes the pre-suit announcement of a civil PIL (pil.civil-announcement, 30 days; PILJI art 13). When a damage
 * consultation on the same conduct is open, its clock stands still from the start (pil.clock-changed).
 */
@CommandHandler(PublishAnnouncementCommand)
export class PublishAnnouncementHandler implements ICommandHandler<PublishAnnouncementCommand> {
  constructor(private readonly uow: CivilPilUnitOfWork) {}

  execute({ officer, pilCaseId, request }: PublishAnnouncementCommand): Promise<void> {
    return this.uow.act(officer, pilCaseId, 'publish-announcement', async (c, tx) => {
      record(
        tx,
        officer,
        c,
        PilAnnouncementPublished,
        { pilCaseId, channel: request.channel },
        `pre-suit announcement published (${request.channel}): pil.civil-announcement, 30 days`,
      );
      const open = await tx.manager.findOne(PilEdcWatch, { where: { linkedCaseId: c.linkedCaseId, state: 'open' } });
      if (open)
        record(
          tx,
          officer,
          c,
          PilClockChanged,
          {
            pilCaseId,
            state: 'suspended',
            reason: 'a damage consultation on the same conduct is open (flows.md §6)',
            edcCaseId: open.edcCaseId,
          },
          `waits for the damage consultation ${open.edcCaseId}: clock stopped`,
        );
    });
  }
}
