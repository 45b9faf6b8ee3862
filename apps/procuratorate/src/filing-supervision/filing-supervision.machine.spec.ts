import { DomainError } from '@casebridge/contracts';
import {
  assertAllowed,
  assertFilingNoticeInOrder,
  assertOneLevelUp,
  correctionBasis,
  FILING_SUPERVISION_PHASES,
  isClosed,
  oneLevelUp,
  type FilingSupervisionPhase,
  type SupervisionAct,
} from './filing-supervision.machine';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not-a-domain-error';
  }
}

describe('procuratorate filing supervision machine', () => {
  describe('given a phase, when the procuratorate acts, then it is allowed', () => {
    it.each<[FilingSupervisionPhase, SupervisionAct, string]>([
      ['opened', 'require-explanation', 'supervision.police-explain'],
      ['explained', 'accept-reasons', 'supervision.tell-agency'],
      ['opened', 'issue-filing-notice', 'supervision.police-file'],
      ['explained', 'issue-filing-notice', 'supervision.police-file'],
      [
        'explanation-required',
        'issue-filing-notice',
        'supervision.police-file when the police give no reasons (supervision.police-explain)',
      ],
      ['notice-to-file', 'issue-correction', 'supervision.police-file expired'],
      ['police-filed', 'issue-chaser', 'supervision.investigation-chaser'],
    ])('%s → %s (%s)', (phase, act) => {
      expect(codeOf(() => assertAllowed(phase, act))).toBeNull();
    });
  });

  describe('given a phase, when the procuratorate acts out of turn, then it is refused with a stable code', () => {
    it.each<[FilingSupervisionPhase, SupervisionAct, string, string]>([
      // twice
      [
        'explanation-required',
        'require-explanation',
        'SUPERVISION.ALREADY_DONE',
        'supervision.police-explain already started',
      ],
      ['notice-to-file', 'issue-filing-notice', 'SUPERVISION.ALREADY_DONE', 'supervision.police-file already started'],
      [
        'correction-issued',
        'issue-correction',
        'SUPERVISION.ALREADY_DONE',
        'correction after supervision.police-file already issued',
      ],
      ['chaser-issued', 'issue-chaser', 'SUPERVISION.ALREADY_DONE', 'supervision.investigation-chaser already sent'],
      // out of order — including acts done earlier after which something changed (libs/platform assertAct)
      [
        'explained',
        'require-explanation',
        'SUPERVISION.OUT_OF_ORDER',
        'supervision.police-explain already answered: the police acted since',
      ],
      [
        'police-filed',
        'issue-filing-notice',
        'SUPERVISION.OUT_OF_ORDER',
        'supervision.police-file already met: the police acted since',
      ],
      [
        'opened',
        'accept-reasons',
        'SUPERVISION.OUT_OF_ORDER',
        'supervision.tell-agency needs the police reasons first',
      ],
      [
        'explanation-required',
        'accept-reasons',
        'SUPERVISION.OUT_OF_ORDER',
        'supervision.tell-agency before supervision.police-explain was answered',
      ],
      [
        'opened',
        'issue-correction',
        'SUPERVISION.OUT_OF_ORDER',
        'correction without a notice to file (supervision.police-file)',
      ],
      [
        'explained',
        'issue-correction',
        'SUPERVISION.OUT_OF_ORDER',
        'correction without a notice to file (supervision.police-file)',
      ],
      [
        'police-filed',
        'issue-correction',
        'SUPERVISION.OUT_OF_ORDER',
        'correction after the police filed (supervision.police-file met)',
      ],
      [
        'notice-to-file',
        'issue-chaser',
        'SUPERVISION.OUT_OF_ORDER',
        'supervision.investigation-chaser before the police filed',
      ],
      [
        'notice-to-file',
        'accept-reasons',
        'SUPERVISION.OUT_OF_ORDER',
        'supervision.tell-agency after a notice to file',
      ],
      [
        'police-filed',
        'require-explanation',
        'SUPERVISION.OUT_OF_ORDER',
        'supervision.police-explain after the police filed',
      ],
      // closed
      [
        'reasons-accepted',
        'accept-reasons',
        'SUPERVISION.ALREADY_DONE',
        'acting twice: already done, even though it closed the supervision',
      ],
      ['reasons-accepted', 'issue-filing-notice', 'CASE.CLOSED', 'supervision.tell-agency closed the supervision'],
      ['reasons-accepted', 'issue-chaser', 'CASE.CLOSED', 'supervision.tell-agency closed the supervision'],
    ])('%s → %s is refused with %s (%s)', (phase, act, code) => {
      expect(codeOf(() => assertAllowed(phase, act))).toBe(code);
    });
  });

  describe('supervision.police-file follows supervision.police-explain (flows.md §2: after opening or after the police explained)', () => {
    it('a notice to file while the police are still within supervision.police-explain is out of order (issue #9 item 6)', () => {
      expect(codeOf(() => assertFilingNoticeInOrder('explanation-required', false))).toBe('SUPERVISION.OUT_OF_ORDER');
    });
    it.each<[FilingSupervisionPhase, boolean]>([
      ['explanation-required', true], // supervision.police-explain ran out without reasons
      ['opened', false],
      ['explained', false],
    ])('in %s (police-explain overdue: %s) the notice to file may follow', (phase, overdue) => {
      expect(codeOf(() => assertFilingNoticeInOrder(phase, overdue))).toBeNull();
    });
  });

  it('only reasons-accepted (supervision.tell-agency) closes a supervision', () => {
    expect(FILING_SUPERVISION_PHASES.filter(isClosed)).toEqual(['reasons-accepted']);
  });

  describe('supervision.police-file: the correction notice', () => {
    it('given supervision.police-file was reported missed, when an officer issues a correction, then it is allowed', () => {
      expect(correctionBasis(true, false)).toBe('police-file-missed');
    });
    it('given supervision.police-file still runs, when an officer issues a correction, then SUPERVISION.POLICE_FILE_NOT_OVERDUE', () => {
      expect(codeOf(() => correctionBasis(false, false))).toBe('SUPERVISION.POLICE_FILE_NOT_OVERDUE');
    });
    it('given supervision.police-file still runs, when the head issues a correction, then it is allowed with a note', () => {
      expect(correctionBasis(false, true)).toBe('head-before-expiry');
    });
  });

  describe('escalation one level up with the correction notice (supervision.police-file, JR art 564)', () => {
    it.each([
      ['procuratorate:210102', 'procuratorate:210100'],
      ['procuratorate:210100', 'procuratorate:210000'],
      ['procuratorate:210000', null],
    ])('%s → %s', (from, to) => {
      expect(oneLevelUp(from)).toBe(to);
    });
    it('refuses an escalation that is not one level up with SUPERVISION.ESCALATION_NOT_ONE_LEVEL_UP', () => {
      expect(codeOf(() => assertOneLevelUp('procuratorate:210100', 'procuratorate:210000'))).toBeNull();
      expect(codeOf(() => assertOneLevelUp('procuratorate:210100', 'procuratorate:220000'))).toBe(
        'SUPERVISION.ESCALATION_NOT_ONE_LEVEL_UP',
      );
      expect(codeOf(() => assertOneLevelUp('procuratorate:210000', 'procuratorate:100000'))).toBe(
        'SUPERVISION.ESCALATION_NOT_ONE_LEVEL_UP',
      );
    });
  });
});
