import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { CourtNoticeResponse, ListCourtNoticesQuery } from './queries/court-notice.queries';

@ApiTags('court-notices')
@Roles('officer', 'head')
@Controller('court-notices')
export class CourtNoticesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Written notices of public-interest suits the courts addressed to your office (court.notify-agency, CivJI art 284), newest first',
  })
  @ApiOkResponse({ type: CourtNoticeResponse, isArray: true })
  list(@CurrentOfficer() officer: OfficerClaims) {
    return this.queries.execute(new ListCourtNoticesQuery(officer));
  }
}
