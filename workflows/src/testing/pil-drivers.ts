/**
 * Drivers of the public-interest litigation and damage-compensation workflows through the bridge, like the
 * Kafka consumer would feed them (contract-valid envelopes), for the workflow specs and the recorded scenarios.
 */
import { v7 as uuidv7 } from 'uuid';
import { EdcQueries, edcWorkflowId, type EdcStateView } from '../edc/edc.contracts';
import { PilQueries, pilWorkflowId, type PilKind, type PilStateView } from '../pil/pil.contracts';
import { ENFORCEMENT, PROCURATORATE, WorkflowDriver, type CaseTestKit } from './workflow-test-kit';

export const COURT = 'court:210100';
/** An eligible organisation (EPL art 58). */
export const ELIGIBLE_ORGANISATION = {
  name: '辽宁省生态环境保护志愿者协会',
  creditCode: '51210000MJ0Y6J5X2U',
  registrationLevel: 'province',
  consecutiveYears: 8,
  violationRecord: false,
};

/** Drives one PIL case (pilCaseWorkflow). */
export class PilDriver extends WorkflowDriver<PilStateView> {
  readonly pilCaseId = uuidv7();
  readonly workflowId = pilWorkflowId(this.pilCaseId);
  protected readonly subjectId = this.pilCaseId;
  protected readonly stateQuery = PilQueries.pilState;

  constructor(
    kit: CaseTestKit,
    readonly kind: PilKind = 'administrative',
    linkedCaseId: string = uuidv7(),
  ) {
    super(kit, linkedCaseId);
  }

  private pil(type: string, payload: Record<string, unknown> = {}, at?: string) {
    return this.deliver(type, { pilCaseId: this.pilCaseId, ...payload }, at);
  }

  opened(at?: string) {
    return this.pil(
      'pil.case-opened',
      {
        kind: this.kind,
        facts: '辖区内非法倾倒危险废物，行政机关未依法查处',
        ...(this.kind === 'administrative' ? { respondentAgencyId: ENFORCEMENT } : {}),
      },
      at,
    );
  }
  investigated() {
    return this.pil('pil.investigation-recorded', { findings: '现场仍堆放危险废物约 30 吨' });
  }
  served(variant: 'standard' | 'urgent' = 'standard') {
    return this.pil('pil.recommendation-served', {
      agencyId: ENFORCEMENT,
      documentNumber: '沈检行公建〔2026〕1号',
      variant,
    });
  }
  filedUpward() {
    return this.pil('pil.recommendation-filed', { upperProcuratorateAgencyId: 'procuratorate:210000' });
  }
  actionRecorded() {
    return this.pil('pil.agency-action-recorded', { action: '责令限期清运并立案调查' });
  }
  replied(outcome: 'corrected' | 'not-corrected' = 'corrected') {
    return this.pil('pil.agency-replied', { outcome, reply: '已全部清运并处罚款' });
  }
  closingDecided() {
    return this.pil('pil.closing-decided', { reasons: '行政机关已依法全面履职' });
  }
  closingServed() {
    return this.pil('pil.closing-decision-served', { agencyId: ENFORCEMENT, documentNumber: '沈检行公终〔2026〕1号' });
  }
  sued() {
    return this.pil('pil.suit-filed', {
      courtAgencyId: COURT,
      kind: this.kind === 'administrative' ? 'administrative' : 'civil',
    });
  }
  announced() {
    return this.pil('pil.announcement-published', { channel: '正义网' });
  }
  organisation(eligible: boolean) {
    return this.pil('pil.organisation-assessed', {
      organisation: eligible ? ELIGIBLE_ORGANISATION : { ...ELIGIBLE_ORGANISATION, consecutiveYears: 2 },
      eligible,
      reasons: eligible ? [] : ['it has 2 consecutive year(s) of environmental public-interest work'],
    });
  }
  supported() {
    return this.pil('pil.suit-supported', { organisationName: ELIGIBLE_ORGANISATION.name, courtAgencyId: COURT });
  }
  clock(state: 'suspended' | 'running', edcCaseId?: string) {
    return this.pil('pil.clock-changed', {
      state,
      reason: state === 'suspended' ? 'a damage consultation on the same conduct is open' : 'the consultation failed',
      ...(edcCaseId ? { edcCaseId } : {}),
    });
  }
}

/** Drives one ecological damage compensation consultation (edcConsultationWorkflow). */
export class EdcDriver extends WorkflowDriver<EdcStateView> {
  readonly edcCaseId = uuidv7();
  readonly workflowId = edcWorkflowId(this.edcCaseId);
  protected readonly subjectId = this.edcCaseId;
  protected readonly stateQuery = EdcQueries.edcState;

  constructor(kit: CaseTestKit, linkedCaseId: string = uuidv7()) {
    super(kit, linkedCaseId);
  }

  private edc(type: string, payload: Record<string, unknown> = {}) {
    return this.deliver(type, { edcCaseId: this.edcCaseId, ...payload });
  }
  opened() {
    return this.edc('edc.consultation-opened', {
      liableParty: { name: '某化工有限公司', creditCode: '91210100MA0Y6J5X2U' },
      noticeNumber: '沈环赔磋〔2026〕1号',
      damage: '含铬废水污染农田 12 亩',
    });
  }
  meeting(round: number) {
    return this.edc('edc.meeting-held', { round, minutes: `第${round}次磋商` });
  }
  agreed() {
    return this.edc('edc.consultation-agreed', { agreementSummary: '修复农田并赔偿 120 万元' });
  }
  failed() {
    return this.edc('edc.consultation-failed', { reasons: '赔偿义务人拒绝承担修复费用' });
  }
}

export { PROCURATORATE };
