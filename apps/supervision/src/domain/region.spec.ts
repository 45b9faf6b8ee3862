import {
  escalationRefusal,
  escalationTarget,
  escalationTargets,
  pressRefusal,
  regionKeys,
  regionWithin,
  scopeKeys,
  scopeLevel,
  splitAgencyId,
  supervisorScopeKey,
  visibleTo,
} from './region';

describe('region scoping: owing agency region OR case origin region within the supervisor region', () => {
  it.each([
    ['000000', null, 'national'],
    ['210000', '21', 'province'],
    ['210100', '2101', 'city'],
    ['210102', '210102', 'county'],
  ] as const)('supervisor of %s matches with key %s (%s)', (region, key, level) => {
    expect(supervisorScopeKey(region)).toBe(key);
    expect(scopeLevel(region)).toBe(level);
  });

  it.each([
    ['210100', ['21', '2101', '210100']],
    ['210102', ['21', '2101', '210102']],
    ['210000', ['21', '210000']],
    ['000000', []],
    [null, []],
  ] as const)('keys of region %s', (region, keys) => {
    expect(regionKeys(region)).toEqual(keys);
  });

  const rows: [string, { owingRegion: string | null; originRegion: string | null }, string, boolean][] = [
    [
      'Shenyang police step of a Shenyang case, Shenyang supervisor',
      { owingRegion: '210100', originRegion: '210100' },
      '210100',
      true,
    ],
    ['Shenyang step, Dalian supervisor', { owingRegion: '210100', originRegion: '210100' }, '210200', false],
    [
      'forwarded to the Dalian police, Shenyang case, Shenyang supervisor (origin)',
      { owingRegion: '210200', originRegion: '210100' },
      '210100',
      true,
    ],
    [
      'forwarded to the Dalian police, Shenyang case, Dalian supervisor (owing)',
      { owingRegion: '210200', originRegion: '210100' },
      '210200',
      true,
    ],
    [
      'district police (Heping 210102) step, Shenyang city supervisor',
      { owingRegion: '210102', originRegion: '210102' },
      '210100',
      true,
    ],
    ['city police step, district supervisor', { owingRegion: '210100', originRegion: '210100' }, '210102', false],
    [
      'Liaoning province supervisor sees every Liaoning city',
      { owingRegion: '210200', originRegion: '210200' },
      '210000',
      true,
    ],
    ['Liaoning province supervisor, Jilin case', { owingRegion: '220100', originRegion: '220100' }, '210000', false],
    ['national supervisor', { owingRegion: '220100', originRegion: null }, '000000', true],
    [
      'owed by an organisation (no region), case of Shenyang',
      { owingRegion: null, originRegion: '210100' },
      '210100',
      true,
    ],
    ['owed by an organisation, origin unknown', { owingRegion: null, originRegion: null }, '210100', false],
  ];
  it.each(rows)('%s', (_n, row, supervisor, visible) => {
    expect(visibleTo(row, supervisor)).toBe(visible);
    // the SQL predicate (scope_keys @> ARRAY[key]) agrees with the TS one
    const key = supervisorScopeKey(supervisor);
    expect(key === null || scopeKeys(row.owingRegion, row.originRegion).includes(key)).toBe(visible);
  });

  it('regionWithin follows the hierarchy', () => {
    expect(regionWithin('210102', '210100')).toBe(true);
    expect(regionWithin('210100', '210102')).toBe(false);
    expect(regionWithin('210000', '210100')).toBe(false);
  });

  it('agency ids split into kind and region; anything else has no region', () => {
    expect(splitAgencyId('police:210100')).toEqual({ kind: 'police', region: '210100' });
    expect(splitAgencyId('eligible-organisation')).toEqual({ kind: 'other', region: null });
  });

  it.each([
    ['police:210102', 'police:210100'],
    ['police:210100', 'police:210000'],
    ['procuratorate:210000', 'procuratorate:000000'],
    ['procuratorate:000000', null],
    ['eligible-organisation', null],
  ])('escalation of %s goes by default to %s', (owing, target) => {
    expect(escalationTarget(owing)).toBe(target);
  });
});

describe('escalation goes up the owing office\'s own hierarchy, each level once (escalationRefusal; README "Escalation goes up")', () => {
  it('the superiors of a city, a county and a province office', () => {
    expect(escalationTargets('police:210100')).toEqual(['police:210000', 'police:000000']);
    expect(escalationTargets('court:210102')).toEqual(['court:210100', 'court:210000', 'court:000000']);
    expect(escalationTargets('enforcement:210000')).toEqual(['enforcement:000000']);
    expect(escalationTargets('police:000000')).toEqual([]);
  });

  // attack-findings #5: the owing office itself, Dalian, another kind, no such division
  it.each([
    'police:210100',
    'police:210200',
    'court:000000',
    'enforcement:210000',
    'police:999999',
    'police:210102',
    'procuratorate:210000',
  ])(
    'a step owed by police:210100 is not escalated to %s (400), and the message names the allowed targets',
    (toLevel) => {
      const r = escalationRefusal('police:210100', [], toLevel);
      expect(r).toMatchObject({ code: 'not-a-superior', allowed: ['police:210000', 'police:000000'] });
      expect(r!.message).toContain('police:210000 or police:000000');
    },
  );

  it('up one level, then the next; each level once; never down again', () => {
    expect(escalationRefusal('police:210100', [], 'police:210000')).toBeNull();
    expect(escalationRefusal('police:210100', [], 'police:000000')).toBeNull(); // skipping a level is allowed
    expect(escalationRefusal('police:210100', ['police:210000'], 'police:210000')).toMatchObject({
      code: 'already-escalated',
      earlier: 'police:210000',
      allowed: ['police:000000'],
    });
    expect(escalationRefusal('police:210100', ['police:210000'], 'police:000000')).toBeNull();
    expect(escalationRefusal('police:210100', ['police:000000'], 'police:210000')).toMatchObject({
      code: 'already-escalated',
      earlier: 'police:000000',
      allowed: [],
    });
    expect(escalationRefusal('police:210100', ['police:210000', 'police:000000'], 'police:999999')).toMatchObject({
      code: 'not-a-superior',
      allowed: [],
    });
    // records from before the rule (any target) do not count as a level
    expect(escalationRefusal('police:210100', ['court:000000', 'police:210200'], 'police:210000')).toBeNull();
  });

  it('a national office or an organisation has no superior', () => {
    expect(escalationRefusal('police:000000', [], 'police:000000')).toMatchObject({ code: 'no-superior' });
    expect(escalationRefusal('eligible-organisation', [], 'police:210000')).toMatchObject({ code: 'no-superior' });
  });
});

describe('who may press whom (pressRefusal; README "Who may press whom")', () => {
  const sup = (agencyId: string) => ({ agencyId, region: agencyId.split(':')[1]! });
  it.each([
    ['procuratorate:210100', 'police:210100', true],
    ['procuratorate:210100', 'enforcement:210102', true], // a county office within the city
    ['procuratorate:210100', 'court:210100', true],
    ['procuratorate:000000', 'police:650100', true],
    ['police:210000', 'police:210100', true], // the provincial police over a city's police
    ['enforcement:210100', 'enforcement:210100', true],
    ['court:210100', 'police:210100', false], // issue 13 finding 4: a court supervisor pressed a police step
    ['police:210100', 'enforcement:210100', false],
    ['procuratorate:210200', 'police:210100', false], // another city: seen through the case's origin at most
    ['procuratorate:210102', 'police:210100', false], // a county supervisor does not press the city
    ['procuratorate:210100', 'organisation', false],
  ])('%s presses %s: %s', (supervisor, owing, allowed) => {
    const refusal = pressRefusal(sup(supervisor), owing);
    expect(refusal === null).toBe(allowed);
    if (!allowed) expect(refusal).toMatch(/supervis/);
  });

  it('attack #18: the article fits the kind ("An enforcement supervisor", "A police supervisor")', () => {
    expect(pressRefusal(sup('enforcement:210100'), 'police:210100')).toMatch(
      /^An enforcement supervisor presses enforcement offices only/,
    );
    expect(pressRefusal(sup('police:210100'), 'enforcement:210100')).toMatch(/^A police supervisor/);
  });
});
