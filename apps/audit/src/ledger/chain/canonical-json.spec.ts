import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { canonicalJson } from './canonical-json';
import { verifyExport } from '../../export/verify-export';

/** The IEEE-754 double whose big-endian bits are `hex`. */
function double(hex: string): number {
  return Buffer.from(hex, 'hex').readDoubleBE(0);
}

/** RFC 8785 §3.2.2: the sample input, as JSON text (its first number has more digits than a double holds). */
const SAMPLE_3_2_2 =
  '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n' +
  '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n  "literals": [null, true, false]\n}';

describe('canonical JSON: the test vectors of RFC 8785', () => {
  // Appendix B: number serialisation samples (IEEE-754 bits → JSON text)
  it.each<[string, string]>([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'], // minus zero
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'], // round to even
  ])('Appendix B: %s → %s', (bits, text) => {
    expect(canonicalJson(double(bits))).toBe(text);
    expect(canonicalJson([double(bits)])).toBe(`[${text}]`);
  });

  it.each(['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000'])(
    'Appendix B: %s (NaN, ±Infinity) has no form',
    (bits) => {
      expect(() => canonicalJson({ n: double(bits) })).toThrow(TypeError);
    },
  );

  it('§3.2.2: the sample object gives its canonical text', () => {
    expect(canonicalJson(JSON.parse(SAMPLE_3_2_2))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('§3.2.2: the canonical text of the sample is these UTF-8 bytes (§3.2.4)', () => {
    expect(Buffer.from(canonicalJson(JSON.parse(SAMPLE_3_2_2)), 'utf8').toString('hex')).toBe(
      [
        '7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72',
        '75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a',
        '5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31',
        '65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37',
        '5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30',
        '30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d',
      ]
        .join(' ')
        .replace(/ /g, ''),
    );
  });

  it('§3.2.3: properties sorted by UTF-16 code units, not by locale or code point', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  // the companion test data the RFC points to (github.com/cyberphone/json-canonicalization, testdata/)
  it.each<[string, string, string]>([
    ['arrays', '[56, {"d": true, "10": null, "1": [ ]}]', '[56,{"1":[],"10":null,"d":true}]'],
    [
      'french',
      '{"peach": "This sorting order", "péché": "is wrong according to French", "pêche": "but canonicalization MUST", "sin": "ignore locale"}',
      '{"peach":"This sorting order","péché":"is wrong according to French","pêche":"but canonicalization MUST","sin":"ignore locale"}',
    ],
    [
      'structures',
      '{"1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ {"e": "yes","E": "no" } ], "A": {"b": "123"}}',
      '{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"E":"no","e":"yes"}],"A":{"b":"123"},"a":{}}',
    ],
    [
      'weird',
      '{"\u20ac": "Euro Sign", "1": "One", "\\u0080": "Control", "\\ud83d\\ude02": "Smiley", "\u00f6": "Latin Small Letter O With Diaeresis", "\ufb33": "Hebrew Letter Dalet With Dagesh", "</script>": "Browser Challenge"}',
      '{"1":"One","</script>":"Browser Challenge","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    ],
  ])('testdata %s', (_name, input, output) => {
    expect(canonicalJson(JSON.parse(input))).toBe(output);
  });
});

describe('exports made before the switch to the canonicalize package keep verifying', () => {
  // written on 2026-11-29 by the hand-written serialiser (same entry formula casebridge.audit.entry.v1),
  // with envelopes full of numbers and keys where canonical forms differ easily
  const dir = path.join(__dirname, '../../export/fixtures');
  const text = readFileSync(path.join(dir, 'export-v1-2026-11-29.jsonl'), 'utf8');
  const publicKey = readFileSync(path.join(dir, 'export-v1-2026-11-29.public.pem'), 'utf8');

  it('verify-file of the old export passes: content hashes, chain, checkpoint and seal', () => {
    expect(verifyExport(text, publicKey)).toMatchObject({
      ok: true,
      entries: 3,
      validCheckpoints: 1,
      sealed: true,
      sealValid: true,
      problems: [],
    });
  });

  it('and its envelopes give the same canonical text as then (one changed digit breaks it)', () => {
    const lines = text.split('\n');
    const altered = lines.map((l) => l.replace('"ratio":0.1', '"ratio":0.10000000000000002')).join('\n');
    expect(altered).not.toBe(text);
    expect(verifyExport(altered, publicKey, { allowUnsealed: true }).problems.map((p) => p.problem)).toContain(
      'content-hash-mismatch',
    );
  });
});
