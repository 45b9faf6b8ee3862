import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRuleBook, findVariant } from './rule-book';
import { ALL_RULES } from './index';
import { days, hours, Rule } from './types';
import {
  InvalidPeriodError,
  RuleBookError,
  StatutoryOverrideError,
  UnknownRuleError,
  UnknownVariantError,
} from '../errors';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const DEADLINES_MD = path.resolve(REPO_ROOT, '../shared/domain/deadlines.md');

/** The ids of deadlines.md as of this library's writing; used when the spec file is not beside the clone. */
const FALLBACK_IDS = [
  'transfer.team-report',
  'transfer.head-decision',
  'transfer.handover',
  'transfer.copy-to-procuratorate',
  'transfer.receipt',
  'transfer.forward-or-return',
  'transfer.materials-notice',
  'transfer.materials-supplement',
  'transfer.filing-review',
  'transfer.decision-notice',
  'transfer.items-handover',
  'transfer.reconsideration-request',
  'transfer.reconsideration-decision',
  'transfer.supervision-request',
  'transfer.after-procuratorate-opinion',
  'transfer.return-for-penalty',
  'penalty.decision-period',
  'supervision.request-review',
  'supervision.police-explain',
  'supervision.tell-agency',
  'supervision.police-file',
  'supervision.investigation-chaser',
  'prosecution.review',
  'prosecution.supplementary-investigation',
  'prosecution.nonprosecution-notice',
  'sharing.platform-entry',
  'notification.suspected-crime',
  'consultation.written-reply',
  'joint-supervision',
  'pil.recommendation-filing',
  'pil.agency-reply',
  'pil.civil-announcement',
  'pil.admin-suit-decision',
  'pil.civil-suit-decision',
  'court.docket',
  'court.serve-complaint',
  'court.notify-agency',
  'court.co-plaintiff-window',
  'court.hearing-notice',
  'court.settlement-announcement',
  'court.trial-civil',
  'court.trial-administrative',
  'court.trial-criminal',
  'edc.consultation',
  'edc.confirmation-announcement',
];

/** Table rows `| id | ... |` whose first cell (parenthetical gloss removed) looks like a rule id. */
function idsInMarkdown(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) =>
      line
        .split('|')[1]
        .replace(/\(.*\)/, '')
        .trim(),
    )
    .filter((cell) => /^[a-z]+(?:[.-][a-z]+)+$/.test(cell));
}

describe('rule book', () => {
  const book = createRuleBook();

  describe('parity with deadlines.md', () => {
    const mdExists = existsSync(DEADLINES_MD);
    const specIds = mdExists ? idsInMarkdown(readFileSync(DEADLINES_MD, 'utf8')) : FALLBACK_IDS;

    it(`reads the rule ids (${mdExists ? DEADLINES_MD : 'embedded fallback list'})`, () => {
      expect(specIds.length).toBeGreaterThanOrEqual(FALLBACK_IDS.length);
      expect(specIds).toContain('transfer.filing-review');
      expect(specIds).toContain('joint-supervision');
    });

    it.each(specIds)('%s is in the rule book with a legal basis', (id) => {
      const rule = book.get(id);
      expect(rule.basis.length).toBeGreaterThan(0);
      expect(rule.basisText.trim()).not.toBe('');
      expect(rule.variants[0].name).toBe('standard');
    });

    it('has no rule that is not in deadlines.md, but the periods a judgment sets (status ordered)', () => {
      const tabled = [...book.ids].filter((id) => book.get(id).status !== 'ordered');
      expect(tabled.sort()).toEqual([...specIds].sort());
    });

    it('an ordered rule is not in deadlines.md, has a legal basis, a period set per case and no overrides', () => {
      const ordered = [...book.ids].filter((id) => book.get(id).status === 'ordered');
      expect(ordered).toEqual(['court.restoration-order']);
      for (const id of ordered) {
        expect(specIds).not.toContain(id);
        expect(book.get(id).basis.length).toBeGreaterThan(0);
        expect(book.get(id).variants.map((v) => v.period.unit)).toEqual(['set-per-case']);
        expect(() => createRuleBook({ overrides: { [id]: { standard: { unit: 'days', amount: 1 } } } })).toThrow();
      }
    });

    (mdExists ? it : it.skip)('embedded fallback list matches deadlines.md', () => {
      expect([...FALLBACK_IDS].sort()).toEqual([...specIds].sort());
    });
  });

  it('transfer.filing-review: 3 / 7 / 30 days, the 30 only with a county-level police head approval', () => {
    const rule = book.get('transfer.filing-review');
    expect(rule.variants.map((v) => [v.name, v.period, !!v.requiresApproval])).toEqual([
      ['standard', days(3), false],
      ['verification', days(7), false],
      ['major-complex', days(30), true],
    ]);
    expect(findVariant(rule, 'major-complex').approvalBy).toMatch(/county/);
    expect(rule.status).toBe('statutory');
  });

  it('court.trial-civil: 6 / 12 (approval) / 3 / 4 (approval) months', () => {
    const v = book.get('court.trial-civil').variants;
    expect(
      v.map((x) => [x.name, x.period.unit, 'amount' in x.period ? x.period.amount : 0, !!x.requiresApproval]),
    ).toEqual([
      ['standard', 'months', 6, false],
      ['extended', 'months', 12, true],
      ['simplified', 'months', 3, false],
      ['simplified-extended', 'months', 4, true],
    ]);
  });

  it('prosecution.review: extended = 1 month + 15 days as one composite period', () => {
    expect(book.variant('prosecution.review', 'extended').period).toEqual({
      unit: 'composite',
      parts: [
        { unit: 'months', amount: 1 },
        { unit: 'days', amount: 15 },
      ],
    });
  });

  it('transfer.copy-to-procuratorate: simultaneous with the transfer', () => {
    expect(book.variant('transfer.copy-to-procuratorate').period).toEqual({ unit: 'simultaneous' });
  });

  it('statuses: policy rows for "immediately/promptly", unverified rows flagged', () => {
    const byStatus = (status: string) =>
      ALL_RULES.filter((r) => r.status === status)
        .map((r) => r.id)
        .sort();
    expect(byStatus('policy')).toEqual([
      'joint-supervision',
      'notification.suspected-crime',
      'transfer.receipt',
      'transfer.return-for-penalty',
      'transfer.team-report',
    ]);
    expect(byStatus('unverified')).toEqual([
      'edc.consultation',
      'pil.admin-suit-decision',
      'pil.civil-suit-decision',
      'supervision.request-review',
    ]);
    expect(ALL_RULES.every((r) => r.custody === false)).toBe(true); // no custodial rule in the table today
  });

  it('transfer.receipt (policy): the default period can be overridden by configuration', () => {
    const configured = createRuleBook({ overrides: { 'transfer.receipt': { standard: hours(12) } } });
    expect(configured.variant('transfer.receipt').period).toEqual(hours(12));
    expect(configured.variant('transfer.receipt').defaultPeriod).toEqual(hours(24));
    expect(book.variant('transfer.receipt').period).toEqual(hours(24)); // other books unaffected
  });

  it('pil.admin-suit-decision (unverified): any variant can be overridden', () => {
    const configured = createRuleBook({ overrides: { 'pil.admin-suit-decision': { 'closing-notice': days(10) } } });
    expect(configured.variant('pil.admin-suit-decision', 'closing-notice').period).toEqual(days(10));
  });

  it('transfer.filing-review (statutory): overriding throws StatutoryOverrideError', () => {
    expect(() => createRuleBook({ overrides: { 'transfer.filing-review': { standard: days(5) } } })).toThrow(
      StatutoryOverrideError,
    );
  });

  it('rejects overrides of unknown rules/variants and malformed periods', () => {
    expect(() => createRuleBook({ overrides: { 'transfer.reciept': { standard: hours(1) } } })).toThrow(
      UnknownRuleError,
    );
    expect(() => createRuleBook({ overrides: { 'transfer.receipt': { urgent: hours(1) } } })).toThrow(
      UnknownVariantError,
    );
    expect(() => createRuleBook({ overrides: { 'transfer.receipt': { standard: hours(0) } } })).toThrow(
      InvalidPeriodError,
    );
    expect(() => createRuleBook({ overrides: { 'transfer.receipt': { standard: days(1.5) } } })).toThrow(
      InvalidPeriodError,
    );
  });

  it('suggests the nearest ids for a mistyped one', () => {
    try {
      book.get('transfer.filing-revew');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(UnknownRuleError);
      expect((e as UnknownRuleError).suggestions[0]).toBe('transfer.filing-review');
    }
    expect(book.suggest('filing-review')[0]).toBe('transfer.filing-review');
  });

  it('accepts extra rules but refuses duplicates and rules without basis', () => {
    const extra: Rule = {
      ...book.get('transfer.head-decision'),
      id: 'custody.test-detention',
      custody: true,
    };
    expect(createRuleBook({ extraRules: [extra] }).get('custody.test-detention').custody).toBe(true);
    expect(() => createRuleBook({ extraRules: [book.get('transfer.handover')] })).toThrow(RuleBookError);
    expect(() => createRuleBook({ extraRules: [{ ...extra, basis: [] }] })).toThrow(/basis/);
  });
});
