/**
 * The acts of case notification (案情通报, flows.md §5) an agency app exposes: notify one or more agencies (or every
 * counterpart on the case), acknowledge, and — for the police on a suspected crime — open a preliminary inquiry (初查).
 * Each act: lock the record, guard with the flow (libs/flows notification.flow.ts), fold, save and write the event
 * to the outbox in one transaction.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { randomUUID } from 'node:crypto';
import {
  AGENCY_KINDS,
  CaseNotified,
  DomainError,
  NotificationAcknowledged,
  NotificationInquiryOpened,
  withinJurisdiction,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { isDivisionCode } from '@casebridge/directory';
import { publishAs, TransactionalOutbox } from '@casebridge/messaging';
import { NotificationErrors, recipientOf, RECIPIENT_ACT_RULES } from '@casebridge/flows';
import { assertAct, BoundedArray, IsId, IsText } from '@casebridge/platform';
import { fold, partyRecord, saveRecord } from '../cooperation.records';

const AGENCY = /^(enforcement|police|procuratorate|court):\d{6}$/;

export class NotifyRequest {
  @ApiProperty({
    example: '0190f7a2-6c1e-7b3a-9d2b-5a6c7d8e9f01',
    description: 'the linked case the development concerns',
  })
  @IsId()
  linkedCaseId!: string;
  @ApiProperty({
    enum: ['suspected-crime', 'development'],
    example: 'suspected-crime',
    description:
      'suspected-crime: an inspection revealed an obvious crime (notification.suspected-crime, 24 h; E17 art 26); development: any other case development (no clock)',
  })
  @IsIn(['suspected-crime', 'development'], { message: 'kind must be suspected-crime or development' })
  kind!: 'suspected-crime' | 'development';
  @ApiProperty({ example: '现场检查发现通过暗管排放含铬废水，涉嫌污染环境罪。', maxLength: 4000 })
  @IsText(4000)
  content!: string;
  @ApiPropertyOptional({
    example: ['police:210100'],
    maxItems: 20,
    description: 'the agencies notified (not yourself); or set broadcast',
  })
  @IsOptional()
  @BoundedArray(1, 20)
  @Matches(AGENCY, { each: true, message: 'each recipient must be an agency id such as police:210100' })
  recipients?: string[];
  @ApiPropertyOptional({
    example: false,
    description:
      'notify every counterpart agency of your division on the case (enforcement, police, procuratorate; not yourself)',
  })
  @IsOptional()
  @IsBoolean()
  broadcast?: boolean;
}

export class NotifyCommand extends Command<{ notificationId: string; recipients: string[] }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly request: NotifyRequest,
  ) {
    super();
  }
}

/** The recipients of a request: the listed ones, or (broadcast) the counterparts of the sender's division. */
export function recipientsOf(sender: string, request: Pick<NotifyRequest, 'recipients' | 'broadcast'>): string[] {
  const region = sender.split(':')[1];
  const listed = request.broadcast
    ? AGENCY_KINDS.filter((k) => k !== 'court').map((k) => `${k}:${region}`)
    : (request.recipients ?? []);
  if (request.broadcast && request.recipients?.length)
    throw new DomainError(
      NotificationErrors.recipientInvalid,
      'invalid',
      'Send either recipients or broadcast, not both: broadcast notifies every counterpart of your division.',
    );
  const recipients = [...new Set(listed)].filter((r) => r !== sender);
  if (!request.broadcast && (request.recipients ?? []).includes(sender))
    throw new DomainError(NotificationErrors.recipientInvalid, 'invalid', 'You cannot notify your own office.');
  // attack round 4: a made-up office, another region's office or a court (no notification routes) was accepted
  const unreachable = recipients.filter(
    (r) => r.startsWith('court:') || !isDivisionCode(r.split(':')[1] ?? '') || !withinJurisdiction(sender, r),
  );
  if (unreachable.length)
    throw new DomainError(
      NotificationErrors.recipientInvalid,
      'invalid',
      `${unreachable.join(', ')}: notify enforcement, police or procuratorate offices of your region (or of the jurisdiction map) only.`,
      { unreachable },
    );
  if (!recipients.length)
    throw new DomainError(
      NotificationErrors.recipientInvalid,
      'invalid',
      'Name the agencies to notify (recipients), or set broadcast to notify every counterpart on the case.',
    );
  return recipients;
}

@CommandHandler(NotifyCommand)
export class NotifyHandler implements ICommandHandler<NotifyCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  async execute({ officer, request }: NotifyCommand): Promise<{ notificationId: string; recipients: string[] }> {
    const recipients = recipientsOf(officer.agencyId, request);
    return this.outbox.run(async (tx) => {
      const notificationId = randomUUID();
      const e = publishAs(tx, officer, CaseNotified, request.linkedCaseId, {
        notificationId,
        recipients,
        kind: request.kind,
        content: request.content,
      });
      await saveRecord(
        tx.manager,
        'notification',
        notificationId,
        request.linkedCaseId,
        fold('notification', null, e)!,
      );
      return { notificationId, recipients };
    });
  }
}

export class AcknowledgeRequest {
  @ApiPropertyOptional({
    example: false,
    description: 'police only, on a suspected crime: open a preliminary inquiry (初查) with the acknowledgement',
  })
  @IsOptional()
  @IsBoolean()
  openInquiry?: boolean;
}

export class AcknowledgeCommand extends Command<{ acknowledged: boolean; inquiryId: string | null }> {
  constructor(
    readonly officer: OfficerClaims,
    readonly notificationId: string,
    readonly request: AcknowledgeRequest,
  ) {
    super();
  }
}

@CommandHandler(AcknowledgeCommand)
export class AcknowledgeHandler implements ICommandHandler<AcknowledgeCommand> {
  constructor(private readonly outbox: TransactionalOutbox) {}

  execute({
    officer,
    notificationId,
    request,
  }: AcknowledgeCommand): Promise<{ acknowledged: boolean; inquiryId: string | null }> {
    return this.outbox.run(async (tx) => {
      const { row, view } = await partyRecord(tx.manager, 'notification', notificationId, officer.agencyId, true);
      const me = recipientOf(view, officer.agencyId);
      if (!me)
        throw new DomainError(
          NotificationErrors.outOfOrder,
          'conflict',
          'You sent this notification: only its recipients acknowledge it.',
        );
      let next = view;
      let inquiryId: string | null = null;
      if (request.openInquiry) {
        if (officer.agencyKind !== 'police' || view.kind !== 'suspected-crime')
          throw new DomainError(
            NotificationErrors.notASuspectedCrime,
            'conflict',
            'Only the police open a preliminary inquiry, and only on a notified suspected crime (E17 art 26).',
          );
        assertAct(RECIPIENT_ACT_RULES, 'open-inquiry', { phase: me.phase });
      } else {
        assertAct(RECIPIENT_ACT_RULES, 'acknowledge', { phase: me.phase });
      }
      if (me.phase === 'notified') {
        const ack = publishAs(tx, officer, NotificationAcknowledged, row.linkedCaseId, { notificationId });
        next = fold('notification', next, ack)!;
      }
      if (request.openInquiry) {
        inquiryId = randomUUID();
        const opened = publishAs(tx, officer, NotificationInquiryOpened, row.linkedCaseId, {
          notificationId,
          inquiryId,
        });
        next = fold('notification', next, opened)!;
      }
      await saveRecord(tx.manager, 'notification', notificationId, row.linkedCaseId, next);
      return { acknowledged: true, inquiryId };
    });
  }
}
