import { AfterLoad, BeforeUpdate } from 'typeorm';

/** The phase each loaded row had (kept off the entity so it never reaches a response body). */
const loadedPhase = new WeakMap<object, string>();

/**
 * Base of the agency records whose acts the act guard (assertAct) judges: keeps `previousPhase`, the
 * phase before the last change, so "done twice" (nothing changed since the act) is told from "out of
 * order". Works for rows loaded and saved through an EntityManager/Repository save(); subclasses declare
 * both columns (`phase`, `previous_phase`).
 */
export abstract class PhaseTracked<P extends string> {
  abstract phase: P;
  abstract previousPhase: P | null;

  @AfterLoad() protected rememberPhase(): void {
    loadedPhase.set(this, this.phase);
  }

  @BeforeUpdate() protected trackPhase(): void {
    const before = loadedPhase.get(this) as P | undefined;
    if (before !== undefined && before !== this.phase) {
      this.previousPhase = before;
      loadedPhase.set(this, this.phase);
    }
  }
}
