import { Injectable, type MessageEvent } from '@nestjs/common';
import { bufferTime, filter, interval, map, merge, of, type Observable } from 'rxjs';
import { supervisorScopeKey } from '../domain/region';
import { ChangeFeed, type ProjectionChange } from './change-feed';

/** True when a change touches rows the supervisor of `region` may see. */
export function changeVisibleTo(change: ProjectionChange, region: string): boolean {
  const key = supervisorScopeKey(region);
  return key === null || change.scopeKeys.includes(key);
}

/** The SSE stream of one supervisor: hello, then scoped changes batched over 300 ms, and a ping every 25 s. */
@Injectable()
export class LiveUpdates {
  constructor(private readonly feed: ChangeFeed) {}

  stream(region: string, batchMs = 300, pingMs = 25_000): Observable<MessageEvent> {
    const changes = this.feed.changes$.pipe(
      filter((c) => changeVisibleTo(c, region)),
      bufferTime(batchMs),
      filter((batch) => batch.length > 0),
      map((batch): MessageEvent => ({
        type: 'change',
        data: { changes: batch.map(({ kind, type, linkedCaseId, stepIds }) => ({ kind, type, linkedCaseId, stepIds })) },
      })),
    );
    const pings = interval(pingMs).pipe(map((): MessageEvent => ({ type: 'ping', data: { at: new Date().toISOString() } })));
    return merge(of<MessageEvent>({ type: 'hello', data: { region, at: new Date().toISOString() } }), changes, pings);
  }
}
