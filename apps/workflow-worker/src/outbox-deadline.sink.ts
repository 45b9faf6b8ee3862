import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { IntegrationEventEnvelope } from '@casebridge/contracts';
import { OutboxMessage, OutboxWriter } from '@casebridge/messaging';
import type { DeadlineEventSink } from '@casebridge/workflows/node';
import { countDeadlineEvents } from './deadline.metrics';

/**
 * The deadline events of the workflows go through the worker's own transactional outbox. Their ids are
 * deterministic (UUID v5 of workflow, step, kind, due date), so an activity retried after a crash finds
 * them already written and adds nothing: published at least once, never twice as different events.
 */
@Injectable()
export class OutboxDeadlineSink implements DeadlineEventSink {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly writer: OutboxWriter,
  ) {}

  async publish(envelopes: IntegrationEventEnvelope[]): Promise<void> {
    if (!envelopes.length) return;
    const written = await this.ds.transaction(async (manager) => {
      const ids = envelopes.map((e) => e.eventId);
      const existing = new Set(
        (await manager.find(OutboxMessage, { select: { eventId: true }, where: { eventId: In(ids) } })).map(
          (m) => m.eventId,
        ),
      );
      const fresh = envelopes.filter((e) => !existing.has(e.eventId));
      await this.writer.append(manager, fresh);
      return fresh;
    });
    countDeadlineEvents(written);
  }
}
