/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from 0-9 and the capitals without
 * I, O, S, V, Z; the 18th is a check character over the first 17 (weights 3^(i) mod 31, ISO 7064-style MOD 31).
 * Layout: 1 registration authority, 2 organisation type, 3–8 administrative division code, 9–17 organisation
 * code (组织机构代码 body), 18 check character.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for (GB 32100-2015 §4.3). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why `code` is not a unified social credit code, or null: words that follow the field's name ("creditCode has …"). */
export function creditCodeProblem(code: unknown): string | null {
  if (typeof code !== 'string') return 'must be text: an 18-character unified social credit code (统一社会信用代码)';
  if (code.length !== 18) return `must be 18 characters long (统一社会信用代码); got ${code.length}`;
  const bad = [...code].findIndex((ch) => !CREDIT_CODE_CHARSET.includes(ch));
  if (bad >= 0)
    return `has "${code[bad]}" at position ${bad + 1}, which a unified social credit code does not use (0-9 and the capitals except I, O, S, V, Z)`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'must have the 6-digit administrative division code at positions 3–8';
  const check = creditCodeCheckCharacter(code);
  if (code[17] !== check) return `has a wrong check character: the 18th should be ${check} (is a character mistyped?)`;
  return null;
}
