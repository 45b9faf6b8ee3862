import { Injectable, type MessageEvent } from '@nestjs/common';
import { bufferTime, concat, filter, interval, map, merge, of, takeUntil, timer, type Observable } from 'rxjs';
import { supervisorScopeKey } from '../domain/region';
import { ChangeFeed, type ProjectionChange } from './change-feed';

/** True when a change touches rows the supervisor of `region` may see. */
export function changeVisibleTo(change: ProjectionChange, region: string): boolean {
  const key = supervisorScopeKey(region);
  return key === null || change.scopeKeys.includes(key);
}

/**
 * The SSE stream of one supervisor: hello, then scoped changes batched over 300 ms, and a ping every 25 s, until
 * the token expires (`until`, the token's exp): then an `expired` message and the stream ends. The token is checked
 * once, when the stream opens; it must not outlive that check (the console reconnects with a fresh token).
 */
@Injectable()
export class LiveUpdates {
  constructor(private readonly feed: ChangeFeed) {}

  stream(region: string, until?: Date, batchMs = 300, pingMs = 25_000): Observable<MessageEvent> {
    const changes = this.feed.changes$.pipe(
      filter((c) => changeVisibleTo(c, region)),
      bufferTime(batchMs),
      filter((batch) => batch.length > 0),
      map((batch): MessageEvent => ({
        type: 'change',
        data: {
          changes: batch.map(({ kind, type, linkedCaseId, stepIds }) => ({ kind, type, linkedCaseId, stepIds })),
        },
      })),
    );
    const pings = interval(pingMs).pipe(
      map((): MessageEvent => ({ type: 'ping', data: { at: new Date().toISOString() } })),
    );
    const live = merge(
      of<MessageEvent>({
        type: 'hello',
        data: { region, at: new Date().toISOString(), ...(until ? { until: until.toISOString() } : {}) },
      }),
      changes,
      pings,
    );
    if (!until) return live;
    const expired: MessageEvent = {
      type: 'expired',
      data: {
        code: 'AUTH.UNAUTHORIZED',
        at: until.toISOString(),
        message: 'Your token expired: sign in again to keep receiving updates.',
      },
    };
    return concat(live.pipe(takeUntil(timer(until))), of(expired));
  }
}
