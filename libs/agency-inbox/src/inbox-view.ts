import type { DeadlineOwner } from '@casebridge/contracts';
import {
  agencyDirectory,
  describeEvent,
  formatDue,
  ownerNames,
  periodKindOf,
  ruleTitle,
  type Bilingual,
} from '@casebridge/directory';
import type { PeriodKind } from '@casebridge/legal-time';
import type { AgencyInboxItem, InboxEscalation, InboxItemRole, InboxPress } from './inbox-item.entity';

/** What an item means to the office now. due/warning/missed: owed; suspended: clock stopped, not owed now; done: closed. */
export type InboxStatus = 'due' | 'warning' | 'missed' | 'suspended' | 'done';

/** The listing filters of GET /inbox: what is owed now (default), what is suspended, what was done. */
export const INBOX_FILTERS = ['owed', 'suspended', 'done'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/** A press (催办) as stored, with what it says in Chinese and in English (the supervisor's message quoted as typed). */
export interface InboxPressView extends InboxPress {
  /** names of the pressing office (byAgencyId); null for a press that named none (supervision.pressed v1) */
  byName: Bilingual | null;
  text: Bilingual;
}
/** An escalation of the step to a superior office, with the office's names and the sentence in each language. */
export interface InboxEscalationView extends InboxEscalation {
  toName: Bilingual;
  text: Bilingual;
}

export interface InboxItemView {
  id: string;
  /** owes: your office owes the step; supervises: a step owed by an office below yours was escalated to you */
  role: InboxItemRole;
  /** the office that owes the step (yours when role = owes; null when an escalated step's owing office is not known here) */
  owingAgencyId: string | null;
  owingAgencyName: Bilingual | null;
  /**
   * who owes the step: an agency (normally the owing office), or a party this office follows (the court, an eligible
   * organisation, the liable party); null for items made before deadline events named owners
   */
  owner: DeadlineOwner | null;
  /** the owner in words: the agency by its official name, or the party's role and name */
  ownerName: Bilingual | null;
  stepId: string;
  /** key of the step among the concurrent steps of its rule (a recipient, a question, a decision); null: the rule's single step */
  stepKey: string | null;
  ruleId: string | null;
  subjectId: string | null;
  linkedCaseId: string;
  variant: string | null;
  status: InboxStatus;
  /** clock start (instant with offset, UTC) */
  since: string | null;
  dueAt: string | null;
  /** last day (Asia/Shanghai civil date) */
  lastDay: string | null;
  /** when the workflow warned that the due date is near / reported it missed */
  warnedAt: string | null;
  missedAt: string | null;
  onExpiry: string | null;
  presses: InboxPressView[];
  escalations: InboxEscalationView[];
  /** met | late | moot, once done */
  outcome: string | null;
  closedAt: string | null;
  read: boolean;
  /** what a person reads beside the stored fields, in Chinese and English: the office by its official name
   * (agency directory), the rule's title, the due date in Beijing time (a day-counted one as its last day 24:00),
   * and where the step stands as a sentence */
  agencyName: Bilingual;
  ruleTitle: Bilingual | null;
  due: Bilingual | null;
  /**
   * how the period counts (legal-time PeriodKind): 'deadline' (act by dueAt), 'minimum' (an announcement: dueAt is
   * the earliest moment of the next act, and `due` says so), 'lead-time' (served ≥ N days before an event)
   */
  periodKind: PeriodKind;
  text: Bilingual;
}

/** The deadline event whose sentence says where an item stands. */
const EVENT_OF_STATUS: Record<InboxStatus, string> = {
  due: 'deadline.started',
  warning: 'deadline.warning',
  missed: 'deadline.missed',
  suspended: 'deadline.closed',
  done: 'deadline.closed',
};

export function statusOf(it: AgencyInboxItem): InboxStatus {
  if (it.state === 'done') return 'done';
  if (it.state === 'suspended') return 'suspended';
  if (it.missedAt) return 'missed';
  if (it.warnedAt) return 'warning';
  return 'due';
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function inboxItemView(it: AgencyInboxItem): InboxItemView {
  const status = statusOf(it);
  const dueAt = iso(it.dueAt);
  const periodKind = periodKindOf(it.ruleId, it.variant);
  const owingAgencyId = it.role === 'supervises' ? it.owingAgencyId : it.agencyId;
  const dir = agencyDirectory();
  const payload = {
    ruleId: it.ruleId,
    owingAgencyId,
    dueAt,
    lastDay: it.lastDay,
    outcome: status === 'suspended' ? 'suspended' : it.outcome,
  };
  return {
    id: it.id,
    role: it.role ?? 'owes',
    owingAgencyId,
    owingAgencyName: owingAgencyId ? dir.names(owingAgencyId) : null,
    owner: it.owner ?? null,
    ownerName: it.owner ? ownerNames(it.owner) : null,
    stepId: it.stepId,
    stepKey: it.stepKey ?? null,
    ruleId: it.ruleId,
    subjectId: it.subjectId,
    linkedCaseId: it.linkedCaseId,
    variant: it.variant,
    status,
    since: iso(it.startedAt),
    dueAt,
    lastDay: it.lastDay,
    warnedAt: iso(it.warnedAt),
    missedAt: iso(it.missedAt),
    onExpiry: it.onExpiry,
    presses: (it.presses ?? []).map((p) => ({
      ...p,
      byName: p.byAgencyId ? dir.names(p.byAgencyId) : null,
      text: describeEvent({
        type: 'supervision.pressed',
        payload: { owingAgencyId, message: p.message, pressingAgencyId: p.byAgencyId },
        producer: { agencyId: 'supervision' },
      }),
    })),
    escalations: (it.escalations ?? []).map((x) => ({
      ...x,
      toName: dir.names(x.toLevel),
      text: describeEvent({
        type: 'supervision.escalated',
        payload: { toLevel: x.toLevel, message: x.message },
        producer: { agencyId: 'supervision' },
      }),
    })),
    outcome: it.outcome,
    closedAt: iso(it.closedAt),
    read: it.readAt !== null,
    agencyName: dir.names(it.agencyId),
    ruleTitle: it.ruleId
      ? { zh: ruleTitle(it.ruleId, 'zh', it.stepKey), en: ruleTitle(it.ruleId, 'en', it.stepKey) }
      : null,
    due: dueAt ? { zh: formatDue(dueAt, 'zh', periodKind), en: formatDue(dueAt, 'en', periodKind) } : null,
    periodKind,
    text: describeEvent({ type: EVENT_OF_STATUS[status], payload, producer: { agencyId: 'workflow' } }),
  };
}
