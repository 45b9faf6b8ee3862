import { DomainError, ErrorCodes } from '@casebridge/contracts';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AccessGrant } from '../access-grant.entity';
import { SharedEntry } from '../shared-entry.entity';

/**
 * Whether an agency owns a linked case by the app's own records (its transfer, its administrative case, …).
 * Each agency app provides one (SharingModule.forAgencyKind(kind, { ownership })).
 */
export interface CaseOwnership {
  owns(manager: EntityManager, agencyId: string, linkedCaseId: string): Promise<boolean>;
  /** The app's offices that own the linked case (who gets an automatic entry of a decision made elsewhere). */
  agenciesOn(manager: EntityManager, linkedCaseId: string): Promise<string[]>;
}
export const CASE_OWNERSHIP = Symbol('CASE_OWNERSHIP');

type OwnedRecord = ObjectLiteral & { linkedCaseId: string };

/** An entity whose rows are owned by the office in `agencyField` (default `agencyId`, e.g. `procuratorateAgencyId`). */
export type OwningEntity =
  EntityTarget<OwnedRecord & { agencyId: string }> | { entity: EntityTarget<OwnedRecord>; agencyField: string };

/** CaseOwnership over the app's own tables: an office owns a linked case when it holds a row of one of `entities`. */
export class EntityCaseOwnership implements CaseOwnership {
  private readonly owning: readonly { entity: EntityTarget<OwnedRecord>; agencyField: string }[];

  constructor(entities: readonly OwningEntity[]) {
    this.owning = entities.map((e) =>
      typeof e === 'object' && 'agencyField' in e ? e : { entity: e, agencyField: 'agencyId' },
    );
  }

  async owns(manager: EntityManager, agencyId: string, linkedCaseId: string): Promise<boolean> {
    for (const { entity, agencyField } of this.owning)
      if (await manager.existsBy(entity, { [agencyField]: agencyId, linkedCaseId })) return true;
    return false;
  }

  async agenciesOn(manager: EntityManager, linkedCaseId: string): Promise<string[]> {
    const found = new Set<string>();
    for (const { entity, agencyField } of this.owning)
      for (const row of await manager.find(entity, { where: { linkedCaseId }, take: 50 }))
        found.add(String(row[agencyField]));
    return [...found];
  }
}

/** own: the agency's own data; granted: what was shared with it (AccessGrant); null: neither (404). */
export type AccessBasis = 'own' | 'granted';

/** What the "own or granted" guard found for the request (read by the handlers: redaction, read recording). */
export interface CaseAccessContext {
  linkedCaseId: string;
  basis: AccessBasis;
  /** the agency whose data is read: the record's owner, or the agency whose entry granted access */
  ownerAgencyId: string | null;
}

/** Need-to-know access of one agency service: own (the app's probe, or its own shared entries) or granted. */
@Injectable()
export class CaseAccess {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Optional() @Inject(CASE_OWNERSHIP) private readonly ownership?: CaseOwnership,
  ) {}

  async basis(agencyId: string, linkedCaseId: string): Promise<CaseAccessContext | null> {
    const m = this.ds.manager;
    const own =
      (await m.existsBy(SharedEntry, { linkedCaseId, ownerAgencyId: agencyId, holderAgencyId: agencyId })) ||
      ((await this.ownership?.owns(m, agencyId, linkedCaseId)) ?? false);
    if (own) return { linkedCaseId, basis: 'own', ownerAgencyId: agencyId };
    return this.granted(agencyId, linkedCaseId);
  }

  async granted(agencyId: string, linkedCaseId: string): Promise<CaseAccessContext | null> {
    const grant = await this.ds.manager.findOneBy(AccessGrant, { linkedCaseId, agencyId });
    return grant ? { linkedCaseId, basis: 'granted', ownerAgencyId: grant.grantedBy } : null;
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }
}

/**
 * Before an act names a linked case the caller chose (opening a PIL, a damage consultation, a notification, a
 * consultation): the caller's office owns it (`ownRecord`: a record of its own on that case, or the app's
 * CaseOwnership) or was granted it; otherwise 404 CASE.LINKED_CASE_UNKNOWN, existence not revealed. Without this an
 * office of any region could put an event on any linked case by its id, and so bring the whole case into its own
 * auditors' scope (session 5 trial). An act without a linked case opens a new one. Routes do not call it: they carry
 * @MayLinkCase (may-link-case.ts), whose guard does.
 */
export async function assertMayLinkCase(
  access: CaseAccess,
  agencyId: string,
  linkedCaseId: string,
  ownRecord?: () => Promise<boolean>,
): Promise<void> {
  if ((await ownRecord?.()) || (await access.basis(agencyId, linkedCaseId))) return;
  throw new DomainError(
    ErrorCodes.linkedCaseUnknown,
    'not-found',
    `Your office holds no linked case ${linkedCaseId} and none was shared with it: name a case of your own or one shared with you, or leave linkedCaseId out to open a new one.`,
  );
}
