/**
 * Canonical JSON (JCS, RFC 8785) of a parsed JSON value: object keys sorted by UTF-16 code units (the
 * default JavaScript sort), no whitespace, strings and numbers serialised exactly as JSON.stringify does
 * (which is what RFC 8785 prescribes). Two parses of the same JSON text always give the same canonical
 * text, whatever the key order or spacing of the original, so a hash over it survives the round trip
 * through PostgreSQL jsonb (which reorders keys and drops whitespace).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        if (i) out += ',';
        out += `${JSON.stringify(k)}:${canonicalJson(obj[k])}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}
