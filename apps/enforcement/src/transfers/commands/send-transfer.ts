import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  agencyId,
  DomainError,
  ErrorCodes,
  MATERIAL_KINDS,
  OUTSIDE_JURISDICTION,
  THRESHOLD_FACTS,
  TransferSent,
  withinJurisdiction,
  type MaterialItem,
  type MaterialKind,
  type ThresholdFact,
} from '@casebridge/contracts';
import type { OfficerClaims } from '@casebridge/auth';
import { publishAs } from '@casebridge/messaging';
import { AdministrativeCase } from '../../cases/administrative-case.entity';
import { Evidence } from '../../cases/evidence.entity';
import { BoundedArray, entry, IsId, IsText, NestedArray, withEntry } from '@casebridge/platform';
import { TransferUnitOfWork } from '../transfer-unit-of-work';

export class MaterialDto {
  @ApiProperty({ enum: MATERIAL_KINDS, example: 'investigation-report' })
  @IsIn(MATERIAL_KINDS, { message: `materials[].kind must be one of ${MATERIAL_KINDS.join(', ')}` })
  kind!: MaterialKind;
  @ApiProperty({ example: '案件调查报告', minLength: 1, maxLength: 200 }) @IsText(200) title!: string;
  @ApiPropertyOptional({
    example: '9d261b51-5a97-4f78-a768-c3c304629b5f',
    description:
      'an evidence item of the case (the evidenceId that POST /cases/{caseId}/evidence answered); its SHA-256 travels with the transfer',
  })
  @IsOptional()
  @IsId()
  evidenceId?: string;
}

/** E17 art 6: a transfer carries at least the transfer letter and the investigation report. */
export const REQUIRED_MATERIALS: readonly MaterialKind[] = ['transfer-letter', 'investigation-report'];
/** Most items one materials list may carry. */
export const MAX_MATERIALS = 500;

export class SendTransferRequest {
  @ApiProperty({
    type: [MaterialDto],
    minItems: 1,
    maxItems: MAX_MATERIALS,
    description: `materials list (E17 art 6); required kinds: ${REQUIRED_MATERIALS.join(', ')}`,
  })
  @NestedArray(() => MaterialDto, { min: 1, max: MAX_MATERIALS })
  materials!: MaterialDto[];
  @ApiPropertyOptional({
    example: 'police:210100',
    description:
      'receiving police agency within your jurisdiction (your region, or the jurisdiction map; else 404 AGENCY.OUTSIDE_JURISDICTION); default: the police of your region (same level)',
  })
  @IsOptional()
  @Matches(/^police:\d{6}$/, { message: 'toAgencyId must be a police agency id such as police:210100' })
  toAgencyId?: string;
  @ApiPropertyOptional({
    example: 'procuratorate:210100',
    description: 'procuratorate receiving the copy, within your jurisdiction; default: of your region',
  })
  @IsOptional()
  @Matches(/^procuratorate:\d{6}$/, {
    message: 'copyToAgencyId must be a procuratorate id such as procuratorate:210100',
  })
  copyToAgencyId?: string;
  @ApiPropertyOptional({
    enum: THRESHOLD_FACTS,
    isArray: true,
    example: ['t3'],
    description:
      'criminal-threshold facts met (法释〔2023〕7号 art 1): only for a transfer opened by a procuratorial opinion on which none are on record yet (else 400 TRANSFER.THRESHOLD_FACTS_FIXED); such a transfer cannot be sent without them (400 TRANSFER.THRESHOLD_FACTS_REQUIRED)',
  })
  @IsOptional()
  @BoundedArray(1, THRESHOLD_FACTS.length, 'name at least one threshold fact (t1…t11)')
  @IsIn(THRESHOLD_FACTS, { each: true, message: 'thresholdFacts must be among t1…t11' })
  thresholdFacts?: ThresholdFact[];
}

/** The threshold facts a transfer is sent with: those on record, or (only when none are) those the request names. */
export function thresholdFactsToSend(
  onRecord: readonly ThresholdFact[],
  requested: readonly ThresholdFact[] | undefined,
): ThresholdFact[] {
  if (onRecord.length && requested) {
    throw new DomainError(
      'TRANSFER.THRESHOLD_FACTS_FIXED',
      'invalid',
      `This transfer already names its threshold facts (${onRecord.join(', ')}), as reported and decided; send it without thresholdFacts.`,
    );
  }
  const facts = onRecord.length ? [...onRecord] : [...new Set(requested ?? [])];
  if (!facts.length) {
    throw new DomainError(
      'TRANSFER.THRESHOLD_FACTS_REQUIRED',
      'invalid',
      'No criminal-threshold facts are on record for this transfer (it was opened by a procuratorial opinion): name them in thresholdFacts (t1…t11) to send it.',
    );
  }
  return facts;
}

export class SendTransferCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: SendTransferRequest,
  ) {
    super();
  }
}

/**
 * Sends the transfer to the police with its materials (transfer.handover) and, at the same time, a copy to
 * the procuratorate (transfer.copy-to-procuratorate). The penalty clock is suspended (E17 art 16).
 */
@CommandHandler(SendTransferCommand)
export class SendTransferHandler implements ICommandHandler<SendTransferCommand> {
  constructor(private readonly uow: TransferUnitOfWork) {}

  execute({ officer, transferId, request }: SendTransferCommand): Promise<void> {
    const kinds = new Set(request.materials.map((m) => m.kind));
    const missing = REQUIRED_MATERIALS.filter((k) => !kinds.has(k));
    if (missing.length) {
      throw new DomainError(
        'TRANSFER.MATERIALS_REQUIRED',
        'invalid',
        `A transfer must include: ${missing.join(', ')} (E17 art 6).`,
        { missing },
      );
    }
    return this.uow.act(officer, transferId, 'send', async (t, tx) => {
      const c = await tx.manager.findOneByOrFail(AdministrativeCase, { id: t.caseId });
      const materials: MaterialItem[] = [];
      for (const m of request.materials) {
        if (!m.evidenceId) {
          materials.push({ kind: m.kind, title: m.title });
          continue;
        }
        const ev = await tx.manager.findOneBy(Evidence, { id: m.evidenceId, caseId: t.caseId });
        if (!ev)
          throw new DomainError(
            ErrorCodes.evidenceNotFound,
            'not-found',
            `Evidence ${m.evidenceId} is not part of this case.`,
            { evidenceId: m.evidenceId },
          );
        materials.push({ kind: m.kind, title: m.title, evidenceId: ev.id, sha256: ev.sha256 });
      }
      t.policeAgencyId = request.toAgencyId ?? agencyId('police', c.region);
      t.procuratorateAgencyId = request.copyToAgencyId ?? agencyId('procuratorate', c.region);
      for (const to of [t.policeAgencyId, t.procuratorateAgencyId]) {
        if (!withinJurisdiction(officer.agencyId, to)) {
          throw new DomainError(
            OUTSIDE_JURISDICTION,
            'not-found',
            `${to} is not within your office's jurisdiction; send to the counterpart of your region.`,
          );
        }
      }
      t.thresholdFacts = thresholdFactsToSend(t.thresholdFacts, request.thresholdFacts);
      t.materials = materials;
      t.phase = 'sent';
      t.timeline = withEntry(
        t.timeline,
        entry(`sent to ${t.policeAgencyId}, copy to ${t.procuratorateAgencyId}`, officer.sub),
      );
      publishAs(tx, officer, TransferSent, t.linkedCaseId, {
        transferId: t.id,
        caseId: t.caseId,
        caseNumber: c.caseNumber,
        fromAgencyId: t.agencyId,
        toAgencyId: t.policeAgencyId,
        copyToAgencyId: t.procuratorateAgencyId,
        party: { name: c.partyName, creditCode: c.partyCreditCode },
        summary: t.teamSummary ?? t.facts,
        thresholdFacts: t.thresholdFacts,
        materials,
      });
    });
  }
}
