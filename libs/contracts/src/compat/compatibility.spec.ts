import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IsString } from 'class-validator';
import { ALL_EVENT_DEFINITIONS } from '../catalog';
import { TransferSent, TransferSentV1 } from '../events/transfer.integration-events';
import { defineEvent } from '../registry';
import { compatibilityProblems, extendSnapshot, type Snapshot } from './schema-fingerprint';

const snapshot = JSON.parse(readFileSync(path.join(__dirname, 'schema-snapshot.json'), 'utf8')) as Snapshot;

describe('contracts compatibility check', () => {
  it('every published event version still has the shape recorded in schema-snapshot.json', () => {
    expect(compatibilityProblems(ALL_EVENT_DEFINITIONS, snapshot)).toEqual([]);
  });

  it('fails on an unversioned change: transfer.sent v1 with an extra field', () => {
    class TransferSentChanged extends TransferSentV1 {
      @IsString() urgency!: string;
    }
    const changed = ALL_EVENT_DEFINITIONS.map((d) =>
      d === TransferSent ? defineEvent({ ...TransferSent, payload: TransferSentChanged }) : d,
    );
    const problems = compatibilityProblems(changed, snapshot);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^transfer\.sent@v1 changed its schema without a new version/);
  });

  it('fails when a published version disappears', () => {
    const without = ALL_EVENT_DEFINITIONS.filter((d) => !(d.type === 'deadline.missed' && d.version === 1));
    expect(compatibilityProblems(without, snapshot)).toContain(
      'deadline.missed@v1 was published and is gone: old events of it could no longer be read',
    );
  });

  it('a new version beside the old one passes once recorded, and recording never rewrites v1', () => {
    class TransferSentV2 extends TransferSentV1 {
      @IsString() urgency!: string;
    }
    const v2 = defineEvent({
      ...TransferSent,
      version: 2,
      payload: TransferSentV2,
      upcastFrom: (p) => ({ ...(p as unknown as TransferSentV1), urgency: 'normal' }),
    });
    const defs = [...ALL_EVENT_DEFINITIONS, v2];
    expect(compatibilityProblems(defs, snapshot)).toEqual([
      'transfer.sent@v2 is not in the contracts snapshot: record it with `npm run contracts:snapshot` (new versions only)',
    ]);
    const { snapshot: next, added } = extendSnapshot(defs, snapshot);
    expect(added).toEqual(['transfer.sent@v2']);
    expect(next['transfer.sent@v1']).toEqual(snapshot['transfer.sent@v1']);
    expect(compatibilityProblems(defs, next)).toEqual([]);
  });
});
