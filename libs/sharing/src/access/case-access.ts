import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessGrant } from '../access-grant.entity';
import { SharedEntry } from '../shared-entry.entity';

/**
 * Whether an agency owns a linked case by the app's own records (its transfer, its administrative case, …).
 * Each agency app provides one (SharingModule.forAgencyKind(kind, { ownership })).
 */
export interface CaseOwnership {
  owns(manager: EntityManager, agencyId: string, linkedCaseId: string): Promise<boolean>;
}
export const CASE_OWNERSHIP = Symbol('CASE_OWNERSHIP');

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
