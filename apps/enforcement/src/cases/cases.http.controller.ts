import { ErrorCodes } from '@casebridge/contracts';
import { CaseAccessOf, lookupBy, OwnOrGranted, type CaseAccessContext } from '@casebridge/sharing';
import { AdministrativeCase } from './administrative-case.entity';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { idsSchema } from '@casebridge/platform';
import { GetCaseQuery } from './queries/get-case/get-case.query';
import { CaseResponse } from './queries/get-case/get-case.response.dto';
import { ListCasesQuery } from './queries/list-cases/list-cases.query';
import { AttachEvidenceRequest } from './commands/attach-evidence/attach-evidence.request.dto';
import { AttachEvidenceCommand } from './commands/attach-evidence/attach-evidence.command';
import { RegisterCaseRequest } from './commands/register-case/register-case.request.dto';
import { RegisterCaseCommand } from './commands/register-case/register-case.command';

@ApiTags('cases')
@Roles('officer', 'head') // officers act, the head may too; supervisors and auditors use their own apps
@Controller('cases')
export class CasesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register an administrative case (立案); starts penalty.decision-period (90 days)' })
  @ApiCreatedResponse({ description: 'Registered', schema: idsSchema('caseId', 'linkedCaseId') })
  @ApiConflictResponse({ description: 'CASE.NUMBER_TAKEN' })
  @ApiBadRequestResponse({ description: 'CASE.DISCOVERED_IN_FUTURE — discoveredAt lies in the future' })
  register(@CurrentOfficer() officer: OfficerClaims, @Body() body: RegisterCaseRequest) {
    return this.commands.execute(new RegisterCaseCommand(officer, body));
  }

  @Get()
  @ApiOperation({ summary: 'Your agency’s cases, newest first, with their penalty clocks' })
  @ApiOkResponse({ type: [CaseResponse] })
  list(@CurrentOfficer() officer: OfficerClaims) {
    return this.queries.execute(new ListCasesQuery(officer));
  }

  @Get(':caseId')
  @ApiOperation({
    summary: 'One case with its evidence and its penalty clock (suspended while with the police, E17 art 16)',
  })
  @ApiOkResponse({ description: 'The case', type: CaseResponse })
  @ApiNotFoundResponse({ description: 'CASE.NOT_FOUND — no such case in your agency' })
  @OwnOrGranted({
    param: 'caseId',
    lookup: lookupBy(AdministrativeCase, 'id'),
    notFound: { code: ErrorCodes.caseNotFound, message: 'No such case in your agency.' },
  })
  get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ) {
    return this.queries.execute(new GetCaseQuery(officer, caseId, access));
  }

  @Post(':caseId/evidence')
  @HttpCode(201)
  @ApiOperation({ summary: 'Attach an evidence item (E17 art 6 category, SHA-256, custody trail)' })
  @ApiCreatedResponse({ schema: idsSchema('evidenceId') })
  @ApiConflictResponse({ description: 'EVIDENCE.DUPLICATE or CASE.CLOSED' })
  @ApiNotFoundResponse({ description: 'CASE.NOT_FOUND — no such case in your agency' })
  attach(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: AttachEvidenceRequest,
  ) {
    return this.commands.execute(new AttachEvidenceCommand(officer, caseId, body));
  }
}
