import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentOfficer, type OfficerClaims, Roles } from '@casebridge/auth';
import { accessNotFound, CaseAccessOf, OwnOrGranted, SharedReads, type SharedRead } from './access/own-or-granted';
import type { CaseAccessContext } from './access/case-access';
import { EnterDecisionCommand, EnterDecisionRequest, RecordDecisionCommand, RecordDecisionRequest } from './commands';
import { SharedEntry } from './shared-entry.entity';
import { SHARED_ENTRY_SCHEMA, sharedEntryView, type SharedEntryView } from './shared-entry.view';

const NOT_FOUND = 'SHARING.NOT_FOUND — your office neither owns this linked case nor was it shared with it';

/**
 * The shared record of a linked case (信息共享, flows.md §5) in one agency service: the agency's own decisions
 * and what other agencies shared with it (redacted to what it is entitled to), behind "own or granted".
 */
@ApiTags('shared record')
@Roles('officer', 'head')
@Controller('sharing/cases/:linkedCaseId')
export class SharingHttpController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get('entries')
  @OwnOrGranted()
  @ApiOperation({
    summary:
      "The linked case's shared record as your office holds it: its own decisions and the entries shared with it",
  })
  @ApiOkResponse({ schema: { type: 'array', items: SHARED_ENTRY_SCHEMA } })
  async list(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) linkedCaseId: string,
    @CaseAccessOf() _access: CaseAccessContext | undefined,
    @SharedReads() reads: SharedRead[],
  ): Promise<SharedEntryView[]> {
    const rows = await this.ds.getRepository(SharedEntry).find({
      where: { linkedCaseId, holderAgencyId: officer.agencyId },
      order: { decidedAt: 'ASC' },
      take: 500,
    });
    return rows.map((r) => this.view(r, reads));
  }

  @Get('entries/:sharedDecisionId')
  @OwnOrGranted()
  @ApiOperation({ summary: 'One entry of the shared record (your own decision, or one shared with your office)' })
  @ApiOkResponse({ schema: SHARED_ENTRY_SCHEMA })
  async one(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) linkedCaseId: string,
    @Param('sharedDecisionId', new ParseUUIDPipe()) decisionId: string,
    @SharedReads() reads: SharedRead[],
  ): Promise<SharedEntryView> {
    const row = await this.ds
      .getRepository(SharedEntry)
      .findOneBy({ linkedCaseId, decisionId, holderAgencyId: officer.agencyId });
    if (!row) throw accessNotFound();
    return this.view(row, reads);
  }

  @Post('decisions')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Record a decision of your office on this linked case (E17 art 34 lists which): starts sharing.platform-entry (7 days)',
  })
  @ApiCreatedResponse({
    schema: {
      type: 'object',
      properties: { decisionId: { type: 'string', format: 'uuid' } },
      required: ['decisionId'],
    },
  })
  @ApiBadRequestResponse({ description: 'SHARING.DECISION_KIND_NOT_ALLOWED, SHARING.DECIDED_IN_FUTURE' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  record(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) linkedCaseId: string,
    @Body() body: RecordDecisionRequest,
  ): Promise<{ decisionId: string }> {
    return this.commands.execute(new RecordDecisionCommand(officer, linkedCaseId, body));
  }

  @Post('decisions/:sharedDecisionId/entry')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Enter the decision on the shared record for the named agencies (closes its sharing.platform-entry step); each gets only what it is entitled to',
  })
  @ApiCreatedResponse({
    schema: { type: 'object', properties: { entryId: { type: 'string', format: 'uuid' } }, required: ['entryId'] },
  })
  @ApiBadRequestResponse({ description: 'SHARING.RECIPIENT_NOT_ENTITLED' })
  @ApiConflictResponse({ description: 'SHARING.ALREADY_DONE — already entered' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  enter(
    @CurrentOfficer() officer: OfficerClaims,
    @Param('linkedCaseId', new ParseUUIDPipe()) linkedCaseId: string,
    @Param('sharedDecisionId', new ParseUUIDPipe()) decisionId: string,
    @Body() body: EnterDecisionRequest,
  ): Promise<{ entryId: string }> {
    return this.commands.execute(new EnterDecisionCommand(officer, linkedCaseId, decisionId, body));
  }

  private view(row: SharedEntry, reads: SharedRead[]): SharedEntryView {
    if (row.detail !== 'own')
      reads.push({
        ownerAgencyId: row.ownerAgencyId,
        ...(row.entryId ? { entryId: row.entryId } : {}),
        detail: row.detail,
      });
    return sharedEntryView(row);
  }
}
