/**
 * Response DTOs, never ORM entities (issue #10 item 2): every read of the agency apps answers a
 * `queries/<query>/<query>.response.dto.ts` class through its explicit mapper. For each mapper, over a row with
 * every column set: the answer is a plain object (not the entity), carries exactly the properties its DTO declares
 * with @ApiProperty (so /docs shows what is sent, and nothing undeclared leaks), no TypeORM version column, and
 * instants as ISO strings (never Date objects).
 */
import 'reflect-metadata';
import { getMetadataArgsStorage } from 'typeorm';
import { Transfer } from './enforcement/src/transfers/transfer.entity';
import {
  toTransferResponse,
  TransferResponse,
} from './enforcement/src/transfers/queries/get-transfer/get-transfer.response.dto';
import { AdministrativeCase } from './enforcement/src/cases/administrative-case.entity';
import { CaseResponse, toCaseResponse } from './enforcement/src/cases/queries/get-case/get-case.response.dto';
import { IncomingTransfer } from './police/src/transfers/incoming-transfer.entity';
import {
  IncomingTransferResponse,
  toIncomingTransferResponse,
} from './police/src/transfers/queries/get-incoming-transfer/get-incoming-transfer.response.dto';
import { SupervisionMatter } from './police/src/supervision/supervision-matter.entity';
import {
  SupervisionMatterResponse,
  toSupervisionMatterResponse,
} from './police/src/supervision/queries/get-supervision-matter/get-supervision-matter.response.dto';
import { FilingSupervision } from './procuratorate/src/filing-supervision/filing-supervision.entity';
import {
  SupervisionResponse,
  toSupervisionResponse,
} from './procuratorate/src/filing-supervision/queries/get-supervision/get-supervision.response.dto';
import { TransferOpinion } from './procuratorate/src/filing-supervision/transfer-opinion.entity';
import {
  toTransferOpinionResponse,
  TransferOpinionResponse,
} from './procuratorate/src/filing-supervision/queries/list-transfer-opinions/list-transfer-opinions.response.dto';
import { TransferCopy } from './procuratorate/src/transfer-copies/transfer-copy.entity';
import {
  toTransferCopyResponse,
  TransferCopyResponse,
} from './procuratorate/src/transfer-copies/queries/get-transfer-copy/get-transfer-copy.response.dto';

import { CourtCase } from './court/src/court-cases/court-case.entity';
import { CourtCaseResponse, toCourtCaseResponse } from './court/src/court-cases/queries/court-case.response';
import { CourtNotice } from './enforcement/src/court-notices/court-notice.entity';
import {
  CourtNoticeResponse,
  toCourtNoticeResponse,
} from './enforcement/src/court-notices/queries/court-notice.queries';

type Ctor = new () => object;

/** A row with every column set to a value of its column type. */
function row<E extends object>(entity: new () => E, overrides: Record<string, unknown> = {}): E {
  const e = new entity() as Record<string, unknown>;
  for (const c of getMetadataArgsStorage().filterColumns(entity)) {
    const t = c.mode === 'version' ? 'int' : c.mode === 'updateDate' ? 'timestamptz' : String(c.options.type);
    e[c.propertyName] =
      t === 'timestamptz'
        ? new Date('2026-01-05T08:30:00Z')
        : t === 'boolean'
          ? false
          : t === 'int'
            ? 3
            : t === 'jsonb'
              ? []
              : t === 'uuid'
                ? '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01'
                : 'x';
  }
  return Object.assign(e, overrides) as E;
}

/** The property names a DTO declares with @ApiProperty (@nestjs/swagger's metadata). */
const declared = (dto: Ctor): string[] =>
  ((Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype) as string[]) ?? []).map((p) =>
    p.replace(/^:/, ''),
  );

const CASES: [string, Ctor, object, new () => object][] = [
  ['enforcement transfer', TransferResponse, toTransferResponse(row(Transfer, { phase: 'sent' })), Transfer],
  [
    'enforcement case',
    CaseResponse,
    toCaseResponse(row(AdministrativeCase, { penaltySuspensions: [], status: 'open' }), []),
    AdministrativeCase,
  ],
  [
    'police incoming transfer',
    IncomingTransferResponse,
    toIncomingTransferResponse(row(IncomingTransfer)),
    IncomingTransfer,
  ],
  [
    'police supervision',
    SupervisionMatterResponse,
    toSupervisionMatterResponse(row(SupervisionMatter)),
    SupervisionMatter,
  ],
  [
    'procuratorate supervision',
    SupervisionResponse,
    toSupervisionResponse(row(FilingSupervision, { phase: 'opened' })),
    FilingSupervision,
  ],
  ['procuratorate opinion', TransferOpinionResponse, toTransferOpinionResponse(row(TransferOpinion)), TransferOpinion],
  ['procuratorate transfer copy', TransferCopyResponse, toTransferCopyResponse(row(TransferCopy)), TransferCopy],
  [
    'court case',
    CourtCaseResponse,
    toCourtCaseResponse(
      row(CourtCase, { phase: 'judged', restorationStatus: 'ordered', restorationDueDate: '2027-06-30' }),
    ),
    CourtCase,
  ],
  ['enforcement court notice', CourtNoticeResponse, toCourtNoticeResponse(row(CourtNotice)), CourtNotice],
];

describe('response DTOs, never ORM entities', () => {
  it.each(CASES)('%s: a plain answer with exactly the DTO’s properties', (_name, dto, answer, entity) => {
    expect(answer).not.toBeInstanceOf(entity);
    expect(Object.getPrototypeOf(answer)).toBe(Object.prototype);
    expect(Object.keys(answer).sort()).toEqual(declared(dto).sort());
    expect(Object.keys(answer)).not.toContain('version');
    for (const [k, v] of Object.entries(answer)) expect([k, v instanceof Date]).toEqual([k, false]);
  });

  it.each<[string, Ctor, new () => object, string[]]>([
    ['enforcement transfer', TransferResponse, Transfer, ['version', 'agencyId']],
    ['police incoming transfer', IncomingTransferResponse, IncomingTransfer, ['version']],
    ['police supervision', SupervisionMatterResponse, SupervisionMatter, ['version']],
    ['procuratorate supervision', SupervisionResponse, FilingSupervision, ['version']],
    ['procuratorate opinion', TransferOpinionResponse, TransferOpinion, ['agencyId']],
    ['procuratorate transfer copy', TransferCopyResponse, TransferCopy, ['version', 'agencyId']],
  ])('%s: every column but the internal ones is answered, under its own name', (_n, dto, entity, internal) => {
    const columns = getMetadataArgsStorage()
      .filterColumns(entity)
      .map((c) => c.propertyName);
    expect(columns.filter((c) => !internal.includes(c) && !declared(dto).includes(c))).toEqual([]);
  });

  it('internal columns stay inside: the version column, and the owning agency where the caller is that agency', () => {
    const transfer = toTransferResponse(row(Transfer, { phase: 'sent' }));
    expect(Object.keys(transfer)).not.toEqual(expect.arrayContaining(['version', 'agencyId']));
    expect(transfer).toMatchObject({ closed: false, phaseAt: '2026-01-05T08:30:00.000Z' });
  });
});
