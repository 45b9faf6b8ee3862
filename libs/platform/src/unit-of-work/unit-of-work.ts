/**
 * The one unit of work of the agency apps' command handlers (issue #10 item 2): in one PostgreSQL
 * transaction, lock the record (SELECT … FOR UPDATE), refuse a record of another agency as not found,
 * refuse an act that does not concern this kind of record (`fits`), judge the act with the flow's rules (assertAct: ALREADY_DONE / OUT_OF_ORDER / CASE.CLOSED, 409), run
 * the handler's change (which publishes its events through the transaction's outbox), stamp the time of
 * a phase change, save, run the record's follow-ups, commit. A refusal changes nothing. Before the phase, the
 * caller itself is judged with the flow's act spec (assertActor, `mayAct`: agency kind and roles; 403).
 *
 * An app declares one spec per record and one small injectable subclass:
 *
 *   @Injectable() export class TransferUnitOfWork extends UnitOfWork<Transfer, TransferPhase, TransferAct> {
 *     constructor(outbox: TransactionalOutbox) { super(outbox, TRANSFER_RECORD); }
 *   }
 */
import type { EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { DomainError } from '@casebridge/contracts';
import type { ActRules, PhaseHistory } from '@casebridge/flows';
import type { OfficerClaims } from '@casebridge/auth';
import type { OutboxTransaction, TransactionalOutbox } from '@casebridge/messaging';
import { assertAct, assertActor } from '../act-guard';

/** A record whose acts a flow's rules judge. `phaseAt`, when the record keeps it, is stamped on every phase change. */
export interface ActedRecord<P extends string> extends ObjectLiteral {
  phase: P;
  previousPhase?: P | null;
  phaseAt?: Date | null;
}

export interface RecordSpec<R extends ActedRecord<P>, P extends string, A extends string> {
  entity: EntityTarget<R>;
  /** how the record is found (by id; add the officer's office when a row per office exists) */
  where: (id: string, officer: OfficerClaims) => FindOptionsWhere<R>;
  /** the agency that owns the record: another agency's record is "not found" (404), never "forbidden" */
  ownerOf: (record: R) => string;
  /** the 404 of a missing (or another agency's) record */
  notFound: (id: string) => { code: string; message: string };
  /** the flow's act rules of this record (libs/flows, e.g. ENFORCEMENT_ACT_RULES) */
  rules: ActRules<P, A>;
  /**
   * Whether the act concerns this kind of record at all (e.g. the court's agency notice: public-interest suits only),
   * judged BEFORE its phase: an act that never applies is refused as such (the app's own 409), not as "possible when
   * <phase>", which would send the officer to wait for a phase in which it still does not apply. Throws to refuse.
   */
  fits?: (record: R, act: A) => void;
  /**
   * What comes next for this record when its state says more than its phase (an act that does not move the phase was
   * done): the "Now: …" of a refusal, as the record's view says it (e.g. libs/flows procuratoratePilAdminNext).
   */
  next?: (record: R) => string | null;
  /** follow-ups in the same transaction after the save (e.g. the penalty clock of the case) */
  afterSave?: (tx: OutboxTransaction, record: R) => Promise<void>;
}

export class UnitOfWork<R extends ActedRecord<P>, P extends string, A extends string> {
  constructor(
    protected readonly outbox: TransactionalOutbox,
    protected readonly spec: RecordSpec<R, P, A>,
  ) {}

  /**
   * Runs `fn` on the locked record if the act fits its phase; saves it and `fn`'s events in one transaction.
   * @throws DomainError forbidden (403, the rules' `codes.notAllowed`: the flow does not let this caller do the act),
   *   not-found (the spec's code), or the act guard's 409 — nothing written then
   */
  act<T>(
    officer: OfficerClaims,
    id: string,
    act: A,
    fn: (record: R, tx: OutboxTransaction) => Promise<T> | T,
    hint?: string,
  ): Promise<T> {
    const { spec } = this;
    // who may act comes first: a caller the flow's act spec does not allow learns nothing of the record, and nothing is locked
    try {
      assertActor(spec.rules, act, officer);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    return this.outbox.run(async (tx) => {
      const record = await tx.manager.findOne(spec.entity, {
        where: spec.where(id, officer),
        lock: { mode: 'pessimistic_write' },
      });
      if (!record || spec.ownerOf(record) !== officer.agencyId) {
        const { code, message } = spec.notFound(id);
        throw new DomainError(code, 'not-found', message);
      }
      spec.fits?.(record, act);
      const history: PhaseHistory<P> = { phase: record.phase, previousPhase: record.previousPhase };
      assertAct(spec.rules, act, history, hint, spec.next ? spec.next(record) : undefined);
      const result = await fn(record, tx);
      // the act's own time: an older act of another agency learnt later does not undo it (libs/flows, the later act wins)
      if (record.phase !== history.phase && 'phaseAt' in record) (record as ActedRecord<P>).phaseAt = new Date();
      await tx.manager.save(record);
      await spec.afterSave?.(tx, record);
      return result;
    });
  }
}
