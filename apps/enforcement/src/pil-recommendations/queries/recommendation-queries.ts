import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readOwnOrGranted, TIMELINE_REDACTED, type CaseAccessContext, type RedactionPaths } from '@casebridge/sharing';
import { AGENCY_PIL_ACT_RULES, TRIAL_REDACTED } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import { entitySchema } from '@casebridge/platform';
import { PilRecommendation } from '../pil-recommendation.entity';
import { recommendationNotFound } from '../pil-recommendation.record';

export type PilRecommendationView = Omit<PilRecommendation, 'version'> & { closed: boolean; next: string | null };

export const PIL_RECOMMENDATION_VIEW_SCHEMA = entitySchema(PilRecommendation, {
  omit: ['version'],
  extra: { closed: { type: 'boolean' }, next: { type: 'string', nullable: true } },
});

function view(r: PilRecommendation): PilRecommendationView {
  const { version: _v, ...rest } = r;
  return {
    ...rest,
    closed: AGENCY_PIL_ACT_RULES.closed.includes(r.phase),
    next: AGENCY_PIL_ACT_RULES.next[r.phase] ?? null,
  };
}

/**
 * What an office reading a recommendation through a grant (not the agency it was served on) does not see (issue 12,
 * need-to-know): the actions the agency took and what the timeline says. It sees the ids, the procuratorate, the
 * document number, variant, phase, reply outcome and dates.
 */
export const PIL_RECOMMENDATION_REDACTED: RedactionPaths = ['view.actions', ...TIMELINE_REDACTED, ...TRIAL_REDACTED];

export class GetRecommendationQuery extends Query<PilRecommendationView> {
  constructor(
    readonly officer: OfficerClaims,
    readonly pilCaseId: string,
    readonly access?: CaseAccessContext,
  ) {
    super();
  }
}
@QueryHandler(GetRecommendationQuery)
export class GetRecommendationHandler implements IQueryHandler<GetRecommendationQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, pilCaseId, access }: GetRecommendationQuery): Promise<PilRecommendationView> {
    return readOwnOrGranted(this.ds.getRepository(PilRecommendation).findOneBy({ pilCaseId }), officer, access, {
      ownerOf: (x) => x.agencyId,
      notFound: recommendationNotFound(pilCaseId),
      view: view,
      redacted: PIL_RECOMMENDATION_REDACTED,
    });
  }
}

export class ListRecommendationsQuery extends Query<PilRecommendationView[]> {
  constructor(readonly officer: OfficerClaims) {
    super();
  }
}
@QueryHandler(ListRecommendationsQuery)
export class ListRecommendationsHandler implements IQueryHandler<ListRecommendationsQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer }: ListRecommendationsQuery): Promise<PilRecommendationView[]> {
    const rows = await this.ds
      .getRepository(PilRecommendation)
      .find({ where: { agencyId: officer.agencyId }, order: { receivedAt: 'DESC' }, take: 200 });
    return rows.map(view);
  }
}
