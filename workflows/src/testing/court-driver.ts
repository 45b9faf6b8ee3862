/** Drives one court case (courtCaseWorkflow) through the bridge, like the Kafka consumer would. */
import { v7 as uuidv7 } from 'uuid';
import {
  CourtQueries,
  courtWorkflowId,
  type CourtSource,
  type CourtStateView,
  type CourtTrack,
} from '../court/court.contracts';
import { ENFORCEMENT, PROCURATORATE, REGION, WorkflowDriver, type CaseTestKit } from './workflow-test-kit';

export const COURT = `court:${REGION}`;

export class CourtDriver extends WorkflowDriver<CourtStateView> {
  readonly courtCaseId = uuidv7();
  readonly sourceId = uuidv7();
  readonly workflowId = courtWorkflowId(this.courtCaseId);
  protected readonly subjectId = this.courtCaseId;
  protected readonly stateQuery = CourtQueries.courtState;

  constructor(
    kit: CaseTestKit,
    readonly source: CourtSource,
    readonly track: CourtTrack,
    readonly pilKind?: 'administrative' | 'civil',
  ) {
    super(kit, uuidv7());
  }

  get plaintiffAgencyId(): string {
    return this.source.startsWith('edc') ? ENFORCEMENT : PROCURATORATE;
  }

  private act(type: string, payload: Record<string, unknown> = {}, at?: string) {
    return this.deliver(type, { courtCaseId: this.courtCaseId, ...payload }, at);
  }
  received(at?: string) {
    return this.act(
      'court.case-received',
      {
        source: this.source,
        sourceId: this.sourceId,
        track: this.track,
        plaintiffAgencyId: this.plaintiffAgencyId,
        ...(this.pilKind ? { pilKind: this.pilKind } : {}),
      },
      at,
    );
  }
  docketed(procedure: 'ordinary' | 'simplified' = 'ordinary', at?: string) {
    return this.act(
      'court.case-docketed',
      { docketNumber: '(2025)辽01民初45号', track: this.track, procedure, sourceId: this.sourceId },
      at,
    );
  }
  notAccepted(at?: string) {
    return this.act('court.case-not-accepted', { sourceId: this.sourceId, reasons: '不属于本院管辖' }, at);
  }
  complaintServed(at?: string) {
    return this.act('court.complaint-served', { servedOn: '某化工有限公司' }, at);
  }
  agencyNotified(agencyId = ENFORCEMENT, at?: string) {
    return this.act(
      'court.agency-notified',
      { agencyId, noticeNumber: '(2025)辽01告字1号', summary: '公益诉讼已立案', docketNumber: '(2025)辽01民初45号' },
      at,
    );
  }
  coPlaintiffAnnounced(at?: string) {
    return this.act('court.co-plaintiff-announced', { channel: '人民法院公告网' }, at);
  }
  hearingScheduled(hearingAt: string, at?: string) {
    return this.act('court.hearing-scheduled', { hearingAt }, at);
  }
  settlementAnnounced(at?: string) {
    return this.act('court.settlement-announced', { summary: '被告修复受损林地' }, at);
  }
  settlementApproved(at?: string) {
    return this.act('court.settlement-approved', {}, at);
  }
  confirmationAnnounced(at?: string) {
    return this.act('court.confirmation-announced', { edcCaseId: this.sourceId, channel: '人民法院公告网' }, at);
  }
  agreementConfirmed(at?: string) {
    return this.act('court.agreement-confirmed', { edcCaseId: this.sourceId }, at);
  }
  trialExtended(ruleId: string, variant: string, at?: string) {
    return this.act('court.trial-extended', { ruleId, variant, approvedBy: '本院院长' }, at);
  }
  /** a judgment with a restoration order due on `restorationDueDate` (YYYY-MM-DD; the default lies in the past) */
  judgment(at?: string, restorationDueDate = '2026-06-30') {
    return this.act(
      'court.judgment-rendered',
      { summary: '判处罚金并责令修复', restorationOrder: '补植复绿 2 公顷', restorationDueDate },
      at,
    );
  }
  restorationVerified(outcome: 'completed' | 'not-completed', at?: string) {
    return this.act('court.restoration-verified', { outcome, note: '现场验收' }, at);
  }
}
