/**
 * The case-transfer path as a pure decider (flows.md §1; rule ids of deadlines.md "Case transfer"):
 * given the transfer's model and one integration event, which statutory steps open, close or extend.
 * No Temporal, no I/O, no clock: the workflow executes the actions (case-transfer.workflow.ts).
 */
import type {
  FilingOutcome,
  TransferFilingDecidedV1,
  TransferForwardedV1,
  TransferHeadDecidedV1,
  TransferMaterialsRequestedV1,
  TransferMaterialsSupplementedV1,
  TransferReconsiderationDecidedV1,
  TransferReviewExtendedV1,
  TransferSentV1,
} from '@casebridge/contracts';
import type { AgencyRole, CaseEventSignal } from '../shared/deadline.contracts';
import {
  apply,
  defer,
  ignore,
  payloadString,
  type CaseDecider,
  type Decision,
  type StepAction,
  type StepContext,
} from '../shared/step-actions';
import type { TransferOutcome, TransferPhase } from './transfer.contracts';

/** Rule ids of the "Case transfer" table (deadlines.md). */
export const TransferRules = {
  teamReport: 'transfer.team-report',
  headDecision: 'transfer.head-decision',
  handover: 'transfer.handover',
  copyToProcuratorate: 'transfer.copy-to-procuratorate',
  receipt: 'transfer.receipt',
  forwardOrReturn: 'transfer.forward-or-return',
  materialsNotice: 'transfer.materials-notice',
  materialsSupplement: 'transfer.materials-supplement',
  filingReview: 'transfer.filing-review',
  decisionNotice: 'transfer.decision-notice',
  itemsHandover: 'transfer.items-handover',
  reconsiderationRequest: 'transfer.reconsideration-request',
  reconsiderationDecision: 'transfer.reconsideration-decision',
  supervisionRequest: 'transfer.supervision-request',
  afterProcuratorateOpinion: 'transfer.after-procuratorate-opinion',
  returnForPenalty: 'transfer.return-for-penalty',
  /** Held by the transfer until the procuratorate opens filing supervision (deadlines.md "Filing supervision"). */
  requestReview: 'supervision.request-review',
} as const;

/**
 * patched() ids of the transfer path (runs recorded before a change replay the old path).
 * requestReview: after filing-supervision.requested the transfer stays open holding
 * supervision.request-review (procuratorate) until filing-supervision.opened, then waits under
 * supervision for the police decision (transfer.items-handover after a filing on a notice to file) or
 * for filing-supervision.reasons-accepted. Before it, the transfer ended at once (outcome supervision-requested).
 */
export const TransferPatches = {
  requestReview: 'transfer-holds-supervision-request-review',
  /**
   * forwardFollows: a transfer forwarded to another police office goes on with that office, which owes
   * the receipt and then the filing review like the first office (flows.md §1 step 4); the
   * transfer.forward-or-return step stays with the office that forwarded. Before it, the transfer ended
   * at once (outcome forwarded) and the step was recorded as owed by the receiving office.
   */
  forwardFollows: 'transfer-forward-follows-receiving-office',
  /**
   * supplementCovers: transfer.materials-supplement closes only once every kind the police asked for has
   * arrived (GA art 180; E17 art 8); a partial supplement leaves it open. Before it, any supplement closed it.
   */
  supplementCovers: 'transfer-supplement-covers-request',
} as const;

export interface TransferModel {
  phase: TransferPhase;
  outcome: TransferOutcome | null;
  policeAgencyId: string | null;
  procuratorateAgencyId: string | null;
  sentAt: string | null;
  receiptAt: string | null;
  decision: FilingOutcome | null;
  materialsRequests: number;
  /** Kinds the police asked for (transfer.materials-requested) that have not been supplemented yet. Absent in models of older runs. */
  missingMaterials?: string[];
  /** When the current police office got the transfer (transfer.sent, or the forward to it). Absent in models of older runs. */
  deliveredAt?: string | null;
  /** filing-supervision.requested while the police had not decided (ground decision-overdue): the transfer goes on. */
  supervisionRequestedAt: string | null;
}

export function initialTransferModel(): TransferModel {
  return {
    phase: 'new',
    outcome: null,
    policeAgencyId: null,
    procuratorateAgencyId: null,
    sentAt: null,
    receiptAt: null,
    decision: null,
    materialsRequests: 0,
    missingMaterials: [],
    deliveredAt: null,
    supervisionRequestedAt: null,
  };
}

const PRE_SENT: readonly TransferPhase[] = ['new', 'suspected', 'reported', 'approved', 'opinion-received'];
const WITH_POLICE_UNDECIDED: readonly TransferPhase[] = ['sent', 'received', 'materials-requested'];
const NON_FILING: readonly TransferPhase[] = ['not-filed', 'reconsideration-requested', 'upheld'];
/** Non-filing phases in which the police may still file (on their own, on reconsideration, on a notice to file). */
const MAY_STILL_FILE: readonly TransferPhase[] = [...NON_FILING, 'supervision-requested', 'under-supervision'];

const R = TransferRules;

function payloadOf<P>(event: CaseEventSignal): P {
  return event.payload as unknown as P;
}

function finish(model: TransferModel, outcome: TransferOutcome): TransferModel {
  return { ...model, phase: outcome, outcome };
}

/** The first filing decision of the police (filed / not filed / returned for penalty). */
function firstDecision(model: TransferModel, outcome: FilingOutcome, at: string): Decision<TransferModel> {
  const common: StepAction[] = [
    { kind: 'close', ruleId: R.filingReview, at },
    { kind: 'close', ruleId: R.receipt, at, outcome: 'moot' },
    { kind: 'close', ruleId: R.materialsSupplement, at, outcome: 'moot' },
    // The decision event is itself the notice to enforcement (copy to the procuratorate): met by the event.
    { kind: 'instant', ruleId: R.decisionNotice, role: 'police', from: at, at },
  ];
  const decided = { ...model, decision: outcome };
  switch (outcome) {
    case 'filed':
      return apply(
        { ...decided, phase: 'filed' },
        ...common,
        // A supervision asked for because the review ran out is moot once the police filed.
        { kind: 'close', ruleId: R.requestReview, at, outcome: 'moot' },
        { kind: 'open', ruleId: R.itemsHandover, role: 'enforcement', from: at },
      );
    case 'not-filed':
      return apply({ ...decided, phase: 'not-filed' }, ...common, {
        kind: 'open',
        ruleId: R.reconsiderationRequest,
        role: 'enforcement',
        from: at,
      });
    case 'returned-for-penalty':
      return apply(
        finish(decided, 'returned-for-penalty'),
        ...common,
        { kind: 'instant', ruleId: R.returnForPenalty, role: 'police', from: at, at },
        { kind: 'close-all', at },
      );
    default:
      return ignore(`unknown filing outcome ${String(outcome)}`);
  }
}

export function decideTransfer(
  model: TransferModel,
  event: CaseEventSignal,
  ctx: StepContext,
): Decision<TransferModel> {
  const at = event.occurredAt;
  const { phase } = model;
  switch (event.type) {
    case 'transfer.crime-suspected':
      if (phase !== 'new') return ignore('the transfer is already open');
      return apply(
        { ...model, phase: 'suspected' },
        { kind: 'open', ruleId: R.teamReport, role: 'enforcement', from: at },
      );

    case 'transfer.procuratorate-opinion': {
      const withProcuratorate = {
        ...model,
        procuratorateAgencyId: model.procuratorateAgencyId ?? event.producerAgencyId,
      };
      if (model.sentAt) return ignore('the transfer was already sent');
      if (ctx.isOpen(R.afterProcuratorateOpinion)) return ignore('an opinion is already running');
      return apply(
        { ...withProcuratorate, phase: phase === 'new' ? 'opinion-received' : phase },
        { kind: 'open', ruleId: R.afterProcuratorateOpinion, role: 'enforcement', from: at },
      );
    }

    case 'transfer.team-reported':
      if (phase === 'new') return defer('waiting for transfer.crime-suspected');
      if (phase !== 'suspected') return ignore(`team report in phase ${phase}`);
      return apply(
        { ...model, phase: 'reported' },
        { kind: 'close', ruleId: R.teamReport, at },
        { kind: 'open', ruleId: R.headDecision, role: 'enforcement', from: at },
      );

    case 'transfer.head-decided': {
      if (phase === 'new' || phase === 'suspected') return defer('waiting for transfer.team-reported');
      if (phase !== 'reported') return ignore(`head decision in phase ${phase}`);
      const { decision } = payloadOf<TransferHeadDecidedV1>(event);
      if (decision === 'approved') {
        return apply(
          { ...model, phase: 'approved' },
          { kind: 'close', ruleId: R.headDecision, at },
          { kind: 'open', ruleId: R.handover, role: 'enforcement', from: at },
        );
      }
      if (ctx.isOpen(R.afterProcuratorateOpinion)) {
        // The procuratorate has told enforcement to transfer (E17 art 14): a refusal does not end that duty.
        return apply({ ...model, phase: 'opinion-received' }, { kind: 'close', ruleId: R.headDecision, at });
      }
      return apply(finish(model, 'refused'), { kind: 'close', ruleId: R.headDecision, at }, { kind: 'close-all', at });
    }

    case 'transfer.sent': {
      if (model.sentAt) return ignore('the transfer was already sent');
      const p = payloadOf<TransferSentV1>(event);
      return apply(
        {
          ...model,
          phase: 'sent',
          sentAt: at,
          deliveredAt: at,
          policeAgencyId: p.toAgencyId ?? model.policeAgencyId,
          procuratorateAgencyId: p.copyToAgencyId ?? model.procuratorateAgencyId,
        },
        { kind: 'close', ruleId: R.handover, at },
        { kind: 'close', ruleId: R.afterProcuratorateOpinion, at },
        { kind: 'close', ruleId: R.teamReport, at, outcome: 'moot' },
        { kind: 'close', ruleId: R.headDecision, at, outcome: 'moot' },
        // transfer.sent carries copyToAgencyId: the copy went at the same time (E17 art 6).
        { kind: 'instant', ruleId: R.copyToProcuratorate, role: 'enforcement', from: at, at },
        { kind: 'open', ruleId: R.receipt, role: 'police', from: at },
      );
    }

    case 'transfer.receipt-signed':
      if (!model.sentAt) return defer('waiting for transfer.sent');
      if (model.receiptAt) return ignore('the receipt was already signed');
      if (!WITH_POLICE_UNDECIDED.includes(phase)) return ignore(`receipt in phase ${phase}`);
      return apply(
        { ...model, receiptAt: at, phase: phase === 'sent' ? 'received' : phase },
        { kind: 'close', ruleId: R.receipt, at },
        { kind: 'open', ruleId: R.filingReview, role: 'police', from: at },
      );

    case 'transfer.forwarded': {
      if (!model.sentAt) return defer('waiting for transfer.sent');
      if (!WITH_POLICE_UNDECIDED.includes(phase)) return ignore(`forwarding in phase ${phase}`);
      const p = payloadOf<TransferForwardedV1>(event);
      // Checked afterwards: 24 hours from the receipt (or the delivery when no receipt was signed).
      const deliveredAt = model.receiptAt ?? model.deliveredAt ?? model.sentAt;
      if (p.mode === 'forwarded' && p.toAgencyId && ctx.patched(TransferPatches.forwardFollows)) {
        // The receiving office owes the receipt, then the filing review (its materials requests start afresh).
        return apply(
          {
            ...model,
            phase: 'sent',
            policeAgencyId: p.toAgencyId,
            deliveredAt: at,
            receiptAt: null,
            materialsRequests: 0,
            missingMaterials: [],
          },
          {
            kind: 'instant',
            ruleId: R.forwardOrReturn,
            role: 'police',
            from: deliveredAt,
            at,
            ...(model.policeAgencyId ? { owingAgencyId: model.policeAgencyId } : {}),
          },
          { kind: 'close', ruleId: R.receipt, at, outcome: 'moot' },
          { kind: 'close', ruleId: R.filingReview, at, outcome: 'moot' },
          { kind: 'close', ruleId: R.materialsSupplement, at, outcome: 'moot' },
          { kind: 'open', ruleId: R.receipt, role: 'police', from: at },
        );
      }
      const outcome: TransferOutcome = p.mode === 'forwarded' ? 'forwarded' : 'returned-not-competent';
      return apply(
        {
          ...finish(model, outcome),
          policeAgencyId: p.mode === 'forwarded' && p.toAgencyId ? p.toAgencyId : model.policeAgencyId,
        },
        { kind: 'instant', ruleId: R.forwardOrReturn, role: 'police', from: deliveredAt, at },
        { kind: 'close-all', at },
      );
    }

    case 'transfer.materials-requested': {
      if (!model.sentAt) return defer('waiting for transfer.sent');
      if (!WITH_POLICE_UNDECIDED.includes(phase)) return ignore(`materials request in phase ${phase}`);
      const actions: StepAction[] = [];
      if (model.materialsRequests === 0) {
        // Checked afterwards: the police owe the notice within 24 hours of accepting the case.
        actions.push({
          kind: 'instant',
          ruleId: R.materialsNotice,
          role: 'police',
          from: model.receiptAt ?? model.deliveredAt ?? model.sentAt,
          at,
        });
      }
      actions.push(
        { kind: 'close', ruleId: R.materialsSupplement, at, outcome: 'moot' },
        { kind: 'open', ruleId: R.materialsSupplement, role: 'enforcement', from: at },
      );
      const { missing } = payloadOf<TransferMaterialsRequestedV1>(event);
      return apply(
        {
          ...model,
          phase: 'materials-requested',
          materialsRequests: model.materialsRequests + 1,
          missingMaterials: [...missing],
        },
        ...actions,
      );
    }

    case 'transfer.materials-supplemented': {
      if (model.materialsRequests === 0) return defer('waiting for transfer.materials-requested');
      if (!ctx.isOpen(R.materialsSupplement)) return ignore('no materials request is open');
      const kinds = payloadOf<TransferMaterialsSupplementedV1>(event).items.map((i) => i.kind as string);
      const stillMissing = (model.missingMaterials ?? []).filter((k) => !kinds.includes(k));
      if (stillMissing.length > 0 && ctx.patched(TransferPatches.supplementCovers)) {
        // A partial supplement: enforcement still owes the other kinds within the same period.
        return apply({ ...model, missingMaterials: stillMissing });
      }
      return apply(
        {
          ...model,
          phase: phase === 'materials-requested' ? (model.receiptAt ? 'received' : 'sent') : phase,
          missingMaterials: [],
        },
        { kind: 'close', ruleId: R.materialsSupplement, at },
      );
    }

    case 'transfer.review-extended': {
      if (!model.receiptAt) return defer('waiting for transfer.receipt-signed');
      if (!ctx.isOpen(R.filingReview)) return ignore('the filing review is not running');
      const p = payloadOf<TransferReviewExtendedV1>(event);
      return apply(model, {
        kind: 'extend',
        ruleId: R.filingReview,
        variant: p.variant,
        ...(p.approvedBy ? { approvedBy: p.approvedBy } : {}),
        at,
      });
    }

    case 'transfer.filing-decided': {
      if (!model.sentAt) return defer('waiting for transfer.sent');
      const p = payloadOf<TransferFilingDecidedV1>(event);
      if (WITH_POLICE_UNDECIDED.includes(phase)) return firstDecision(model, p.outcome, at);
      if (MAY_STILL_FILE.includes(phase) && p.outcome === 'filed') {
        // The police filed after all (e.g. on a procuratorate notice): the non-filing steps are moot, and
        // enforcement owes the seized items as after any filing (R310 art 12; E17 art 10).
        return apply(
          { ...model, phase: 'filed', decision: 'filed' },
          { kind: 'close', ruleId: R.reconsiderationRequest, at, outcome: 'moot' },
          { kind: 'close', ruleId: R.reconsiderationDecision, at, outcome: 'moot' },
          { kind: 'close', ruleId: R.supervisionRequest, at, outcome: 'moot' },
          { kind: 'close', ruleId: R.requestReview, at, outcome: 'moot' },
          { kind: 'instant', ruleId: R.decisionNotice, role: 'police', from: at, at },
          { kind: 'open', ruleId: R.itemsHandover, role: 'enforcement', from: at },
        );
      }
      return ignore(`filing decision in phase ${phase}`);
    }

    case 'transfer.items-handed-over':
      if (phase === 'filed') {
        return apply(finish(model, 'items-handed-over'), { kind: 'close', ruleId: R.itemsHandover, at });
      }
      if (PRE_SENT.includes(phase) || WITH_POLICE_UNDECIDED.includes(phase))
        return defer('waiting for the filing decision');
      return ignore(`items handover in phase ${phase}`);

    case 'transfer.reconsideration-requested':
      if (phase === 'not-filed') {
        return apply(
          { ...model, phase: 'reconsideration-requested' },
          { kind: 'close', ruleId: R.reconsiderationRequest, at },
          { kind: 'open', ruleId: R.reconsiderationDecision, role: 'police', from: at },
        );
      }
      if (PRE_SENT.includes(phase) || WITH_POLICE_UNDECIDED.includes(phase))
        return defer('waiting for the non-filing decision');
      return ignore(`reconsideration request in phase ${phase}`);

    case 'transfer.reconsideration-decided': {
      if (phase === 'reconsideration-requested') {
        const p = payloadOf<TransferReconsiderationDecidedV1>(event);
        if (p.outcome === 'upheld') {
          return apply(
            { ...model, phase: 'upheld' },
            { kind: 'close', ruleId: R.reconsiderationDecision, at },
            { kind: 'open', ruleId: R.supervisionRequest, role: 'enforcement', from: at },
          );
        }
        // Reversed on reconsideration = filed.
        return apply(
          { ...model, phase: 'filed', decision: 'filed' },
          { kind: 'close', ruleId: R.reconsiderationDecision, at },
          { kind: 'open', ruleId: R.itemsHandover, role: 'enforcement', from: at },
        );
      }
      if (PRE_SENT.includes(phase) || WITH_POLICE_UNDECIDED.includes(phase) || phase === 'not-filed') {
        return defer('waiting for transfer.reconsideration-requested');
      }
      return ignore(`reconsideration decision in phase ${phase}`);
    }

    case 'filing-supervision.requested': {
      const review: StepAction = { kind: 'open', ruleId: R.requestReview, role: 'procuratorate', from: at };
      if (NON_FILING.includes(phase)) {
        if (!ctx.patched(TransferPatches.requestReview)) {
          // Recorded before the procuratorate's review was held here: the transfer ended at once.
          return apply(
            finish(model, 'supervision-requested'),
            { kind: 'close', ruleId: R.reconsiderationRequest, at },
            { kind: 'close', ruleId: R.supervisionRequest, at },
            { kind: 'close-all', at },
          );
        }
        // Straight to the procuratorate, or after an upheld refusal: the procuratorate owes its review.
        return apply(
          { ...model, phase: 'supervision-requested', supervisionRequestedAt: at },
          { kind: 'close', ruleId: R.reconsiderationRequest, at },
          { kind: 'close', ruleId: R.supervisionRequest, at },
          review,
        );
      }
      if (WITH_POLICE_UNDECIDED.includes(phase)) {
        // The police let the review run out (E17 art 12): the police decision is still awaited here.
        if (model.supervisionRequestedAt) return ignore('filing supervision was already requested');
        if (!ctx.patched(TransferPatches.requestReview)) return apply({ ...model, supervisionRequestedAt: at });
        return apply({ ...model, supervisionRequestedAt: at }, review);
      }
      return ignore(`supervision request in phase ${phase}`);
    }

    case 'filing-supervision.opened':
      if (!ctx.isOpen(R.requestReview)) {
        if (payloadString(event, 'ground') === 'own-motion')
          return ignore("supervision of the procuratorate's own motion");
        // Events of two agencies' topics may cross: the request may not have arrived yet.
        if (!model.supervisionRequestedAt && (NON_FILING.includes(phase) || WITH_POLICE_UNDECIDED.includes(phase))) {
          return defer('waiting for filing-supervision.requested');
        }
        // A request recorded before the review was held here: nothing to close.
        return ignore('no supervision request is awaiting the procuratorate');
      }
      return apply(
        { ...model, phase: phase === 'supervision-requested' ? 'under-supervision' : phase },
        { kind: 'close', ruleId: R.requestReview, at },
      );

    case 'filing-supervision.reasons-accepted':
      // The police reasons for not filing are valid (JR art 561): the non-filing is final.
      if (phase !== 'under-supervision' && phase !== 'supervision-requested')
        return ignore(`reasons accepted in phase ${phase}`);
      return apply(finish(model, 'non-filing-final'), { kind: 'close-all', at });

    default:
      return ignore(`not a transfer event: ${event.type}`);
  }
}

export const transferDecider: CaseDecider<TransferModel> = {
  decide: decideTransfer,
  onMissed(model, ruleId, at) {
    // The enforcement's right to ask for reconsideration (or for supervision after an upheld refusal) lapses.
    if (ruleId === R.reconsiderationRequest || ruleId === R.supervisionRequest) {
      return apply(finish(model, 'rights-lapsed'), { kind: 'close-all', at });
    }
    return null;
  },
  isFinished: (model) => model.outcome !== null,
};

/** Owing agency per role: enforcement from the input, police from transfer.sent, procuratorate from its copy. */
export function transferOwners(
  model: TransferModel,
  input: { enforcementAgencyId: string; region: string },
): Record<AgencyRole, string> {
  return {
    enforcement: input.enforcementAgencyId,
    police: model.policeAgencyId ?? `police:${input.region}`,
    procuratorate: model.procuratorateAgencyId ?? `procuratorate:${input.region}`,
  };
}
