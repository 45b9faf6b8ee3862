/**
 * Drivers of the notification and consultation workflows (workflow specs and recorded scenarios): each act
 * goes through the bridge with the producing agency it has in production.
 */
import { v7 as uuidv7 } from 'uuid';
import { ENFORCEMENT, WorkflowDriver, type CaseTestKit } from './workflow-test-kit';
import {
  NotificationQueries,
  notificationWorkflowId,
  type NotificationStateView,
} from '../notification/notification.contracts';
import {
  JointSupervisionQueries,
  jointSupervisionWorkflowId,
  type JointSupervisionStateView,
} from '../joint-supervision/joint-supervision.contracts';
import {
  ConsultationQueries,
  consultationWorkflowId,
  type ConsultationStateView,
} from '../consultation/consultation.contracts';

/** Drives one case notification through the bridge. */
export class NotificationDriver extends WorkflowDriver<NotificationStateView> {
  readonly notificationId = uuidv7();
  readonly workflowId = notificationWorkflowId(this.notificationId);
  protected readonly subjectId = this.notificationId;
  protected readonly stateQuery = NotificationQueries.notificationState;

  constructor(kit: CaseTestKit) {
    super(kit, uuidv7());
  }

  notified(recipients: string[], kind: 'suspected-crime' | 'development' = 'suspected-crime', at?: string) {
    return this.deliver(
      'notification.case-notified',
      {
        notificationId: this.notificationId,
        recipients,
        kind,
        content: '现场检查发现通过暗管排放含铬废水，涉嫌污染环境罪',
      },
      at,
      ENFORCEMENT,
    );
  }
  acknowledged(by: string, at?: string) {
    return this.deliver('notification.acknowledged', { notificationId: this.notificationId }, at, by);
  }
  inquiryOpened(by: string, at?: string) {
    return this.deliver(
      'notification.inquiry-opened',
      { notificationId: this.notificationId, inquiryId: uuidv7() },
      at,
      by,
    );
  }
}

/** Drives the consultations of one linked case through the bridge. */
export class ConsultationDriver extends WorkflowDriver<ConsultationStateView> {
  readonly workflowId = consultationWorkflowId(this.linkedCaseId);
  protected readonly subjectId = this.linkedCaseId;
  protected readonly stateQuery = ConsultationQueries.consultationState;

  constructor(kit: CaseTestKit) {
    super(kit, uuidv7());
  }

  async asked(consultedAgencyId: string, by = ENFORCEMENT, at?: string): Promise<string> {
    const consultationId = uuidv7();
    await this.deliver(
      'consultation.requested',
      {
        consultationId,
        consultedAgencyId,
        question: '涉案废水总铬浓度超标3倍以上，是否达到立案追诉标准？',
        attachments: [{ fileName: '监测报告.pdf', sha256: 'a'.repeat(64), sizeBytes: 482113 }],
      },
      at,
      by,
    );
    return consultationId;
  }
  replied(consultationId: string, by: string, at?: string) {
    return this.deliver('consultation.replied', { consultationId, reply: '已达到，建议移送公安机关。' }, at, by);
  }
}

/** Drives the joint supervision of one linked case through the bridge (the console is the producer `supervision`). */
export class JointSupervisionDriver extends WorkflowDriver<JointSupervisionStateView> {
  readonly workflowId = jointSupervisionWorkflowId(this.linkedCaseId);
  protected readonly subjectId = this.linkedCaseId;
  protected readonly stateQuery = JointSupervisionQueries.jointSupervisionState;

  constructor(kit: CaseTestKit) {
    super(kit, uuidv7());
  }

  listed(participants: string[], reviewInterval = 'P14D', at?: string) {
    return this.deliver(
      'supervision.joint-listed',
      { reviewInterval, reason: '跨区域重大污染环境案件', participants },
      at,
      'supervision',
    );
  }
  reported(by: string, round: number, at?: string) {
    return this.deliver('joint-supervision.progress-reported', { round, progress: '已完成询问' }, at, by);
  }
  async meeting(round: number, decisions: Array<{ ownerAgencyId: string; dueAt: string }>, at?: string) {
    const withIds = decisions.map((d) => ({ decisionId: uuidv7(), text: '补充鉴定', ...d }));
    await this.deliver(
      'supervision.joint-meeting-recorded',
      { round, minutes: '联席会议纪要', decisions: withIds },
      at,
      'supervision',
    );
    return withIds.map((d) => d.decisionId);
  }
  decisionDone(decisionId: string, by: string, at?: string) {
    return this.deliver('joint-supervision.decision-done', { decisionId, note: '已完成' }, at, by);
  }
}
