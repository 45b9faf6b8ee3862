import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { ErrorCodes } from '@casebridge/contracts';
import { actRoute } from '@casebridge/platform';
import {
  CaseAccessOf,
  ensureOwnOrGranted,
  grantedRead,
  lookupBy,
  OwnOrGranted,
  type CaseAccessContext,
} from '@casebridge/sharing';
import { ResubmitCommand } from './commands/resubmit/resubmit.command';
import { ResubmitRequest } from './commands/resubmit/resubmit.request';
import { TransferForProsecutionCommand } from './commands/transfer-for-prosecution/transfer-for-prosecution.command';
import { TransferForProsecutionRequest } from './commands/transfer-for-prosecution/transfer-for-prosecution.request';
import { PoliceProsecution } from './police-prosecution.entity';
import { PROSECUTION_NOT_FOUND } from './prosecution-unit-of-work';
import {
  POLICE_PROSECUTION_REDACTED,
  PoliceProsecutionResponse,
  ProsecutionCreatedResponse,
} from './responses/prosecution.response';

const CONFLICT = 'PROSECUTION.OUT_OF_ORDER (wrong phase), PROSECUTION.ALREADY_DONE (acting twice) or CASE.CLOSED';
const NOT_FOUND = 'PROSECUTION.NOT_FOUND — not transferred by your office';
const ProsecutionAct = actRoute('prosecutionId', { conflict: CONFLICT, notFound: NOT_FOUND });

@ApiTags('prosecutions')
@Roles('officer', 'head')
@Controller('prosecutions')
export class PoliceProsecutionHttpController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Cases your office transferred for prosecution, newest first' })
  @ApiOkResponse({ type: [PoliceProsecutionResponse] })
  async list(@CurrentOfficer() officer: OfficerClaims): Promise<PoliceProsecutionResponse[]> {
    const rows = await this.ds.getRepository(PoliceProsecution).find({
      where: { agencyId: officer.agencyId },
      order: { transferredAt: 'DESC' },
      take: 200,
    });
    return rows.map((p) => PoliceProsecutionResponse.of(p));
  }

  @Get(':prosecutionId')
  @ApiOperation({
    summary:
      'One prosecution with its case file, rounds and timeline (an office it was shared with: the redacted view, POLICE_PROSECUTION_REDACTED)',
  })
  @ApiOkResponse({ type: PoliceProsecutionResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @OwnOrGranted({
    param: 'prosecutionId',
    lookup: lookupBy(PoliceProsecution, 'id'),
    notFound: { code: ErrorCodes.prosecutionNotFound, message: 'No such prosecution of your office.' },
  })
  async get(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
    @CaseAccessOf() access: CaseAccessContext | undefined,
  ): Promise<PoliceProsecutionResponse> {
    const p = ensureOwnOrGranted(
      await this.ds.getRepository(PoliceProsecution).findOneBy({ id }),
      officer,
      access,
      PROSECUTION_NOT_FOUND(id),
    );
    return grantedRead(PoliceProsecutionResponse.of(p), access, POLICE_PROSECUTION_REDACTED);
  }

  @Post()
  @ApiOperation({
    summary:
      'Transfer a filed case for prosecution (移送审查起诉) with its case file; starts prosecution.review (1 month)',
  })
  @ApiCreatedResponse({ type: ProsecutionCreatedResponse })
  @ApiNotFoundResponse({
    description: 'TRANSFER.NOT_FOUND — not a transfer of your office; AGENCY.OUTSIDE_JURISDICTION — the procuratorate',
  })
  @ApiConflictResponse({
    description: 'PROSECUTION.OUT_OF_ORDER — the transfer is not filed; PROSECUTION.ALREADY_DONE — already transferred',
  })
  transfer(
    @CurrentOfficer() o: OfficerClaims,
    @Body() body: TransferForProsecutionRequest,
  ): Promise<ProsecutionCreatedResponse> {
    return this.commands.execute(new TransferForProsecutionCommand(o, body));
  }

  @ProsecutionAct(
    'resubmission',
    'Re-submit after supplementary investigation (prosecution.supplementary-investigation, 1 month a round); the review starts again',
  )
  resubmit(
    @CurrentOfficer() o: OfficerClaims,
    @Param('prosecutionId', new ParseUUIDPipe()) id: string,
    @Body() body: ResubmitRequest,
  ) {
    return this.commands.execute(new ResubmitCommand(o, id, body));
  }
}
