import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { CurrentOfficer, ensureOwnAgency, type OfficerClaims, Roles } from '@casebridge/auth';
import { entitySchema, listOf } from '@casebridge/platform';
import { MATTER_PHASES, SupervisionMatter } from './supervision-matter.entity';
import { ExplainRequest } from './commands/explain/explain.request.dto';
import { ExplainCommand } from './commands/explain/explain.command';

const MATTER_SCHEMA = entitySchema(SupervisionMatter, {
  enums: { phase: MATTER_PHASES, previousPhase: MATTER_PHASES },
});

@ApiTags('filing supervision')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('supervisions')
export class SupervisionHttpController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Filing supervisions of the procuratorate concerning your office' })
  @ApiOkResponse({ schema: listOf(MATTER_SCHEMA) })
  list(@CurrentOfficer() officer: OfficerClaims) {
    return this.ds.getRepository(SupervisionMatter).find({ where: { agencyId: officer.agencyId }, take: 200 });
  }

  @Get(':supervisionId')
  @ApiOperation({ summary: 'One filing supervision with its timeline' })
  @ApiOkResponse({ schema: MATTER_SCHEMA })
  @ApiNotFoundResponse({ description: 'SUPERVISION.NOT_FOUND' })
  async get(@CurrentOfficer() officer: OfficerClaims, @Param('supervisionId', new ParseUUIDPipe()) id: string) {
    return ensureOwnAgency(await this.ds.getRepository(SupervisionMatter).findOneBy({ id }), officer, {
      code: ErrorCodes.supervisionNotFound,
      message: `No filing supervision ${id} concerns your office.`,
    });
  }

  @Post(':supervisionId/explanation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Explain the non-filing to the procuratorate (supervision.police-explain, 7 days)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'SUPERVISION.OUT_OF_ORDER or TRANSFER.ALREADY_DONE' })
  @ApiNotFoundResponse({ description: 'SUPERVISION.NOT_FOUND' })
  explain(
    @CurrentOfficer() o: OfficerClaims,
    @Param('supervisionId', new ParseUUIDPipe()) id: string,
    @Body() body: ExplainRequest,
  ) {
    return this.commands.execute(new ExplainCommand(o, id, body));
  }
}
