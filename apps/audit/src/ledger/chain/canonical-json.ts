import canonicalize from 'canonicalize';

/**
 * Canonical JSON (JCS, RFC 8785) of a parsed JSON value, by the `canonicalize` package
 * (github.com/erdtman/canonicalize, maintained by an author of RFC 8785): object keys sorted by UTF-16
 * code units, no whitespace, strings and numbers serialised as ECMAScript's JSON.stringify does (which
 * RFC 8785 §3.2.2 prescribes; numbers per §3.2.2.3, checked against Appendix B in canonical-json.spec.ts).
 * Two parses of the same JSON text always give the same canonical text, whatever the key order or
 * spacing of the original, so a hash over it survives the round trip through PostgreSQL jsonb (which
 * reorders keys and drops whitespace).
 *
 * Throws TypeError for a value with no canonical form: NaN or ±Infinity, a function or symbol or
 * undefined at the top. Beyond RFC 8785 (which takes I-JSON only, RFC 7493 §2.1): a lone surrogate in a
 * string is written as its \uXXXX escape (JSON.stringify's well-formed output), not refused — the
 * ledger records every event it receives, and the hash stays that of the same text as before.
 *
 * Version 2.1.0 of the package: its current line (3+) is an ES module that does not load from CommonJS
 * on Node 20; the serialisation is the same. The output equals that of the hand-written serialiser it
 * replaced for every value (entry formula casebridge.audit.entry.v1 unchanged): ledgers and exports made
 * before keep verifying (export fixture in src/export/fixtures, checked in canonical-json.spec.ts).
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (e) {
    throw new TypeError(`canonical JSON has no form for this value: ${(e as Error).message}`, { cause: e });
  }
  if (text === undefined) throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  return text;
}
