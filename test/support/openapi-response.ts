/**
 * Checks an answer against the schema its operation declares in the app's own OpenAPI document (3.0):
 * type (integer included), nullable, enum, required, properties, additionalProperties, items, $ref,
 * allOf/oneOf/anyOf. A small validator of the keywords the documents use, so that e2e tests can say
 * "this real answer matches its schema" without a dependency; the fuzz run (schemathesis) is the full check.
 */
type Schema = Record<string, unknown>;
export interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      return true;
  }
}

/** The problems of `value` against `schema` (empty: it conforms). */
export function schemaProblems(doc: OpenApiDoc, schema: Schema | undefined, value: unknown, at = '$'): string[] {
  if (!schema) return [];
  if (typeof schema.$ref === 'string')
    return schemaProblems(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!], value, at);
  if (value === null)
    return schema.nullable === true || (schema.type === undefined && !schema.enum) ? [] : [`${at}: null, not nullable`];
  const out: string[] = [];
  if (typeof schema.type === 'string' && !typeOk(schema.type, value))
    return [`${at}: ${JSON.stringify(value)?.slice(0, 80)} is not ${schema.type}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    out.push(`${at}: ${JSON.stringify(value)} not in enum ${JSON.stringify(schema.enum)}`);
  for (const s of (schema.allOf as Schema[] | undefined) ?? []) out.push(...schemaProblems(doc, s, value, at));
  for (const k of ['oneOf', 'anyOf'] as const) {
    const alts = schema[k] as Schema[] | undefined;
    if (alts && !alts.some((s) => schemaProblems(doc, s, value, at).length === 0))
      out.push(`${at}: matches none of ${k}`);
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => out.push(...schemaProblems(doc, schema.items as Schema, v, `${at}[${i}]`)));
  if (typeOk('object', value) && (schema.properties || schema.additionalProperties !== undefined || schema.required)) {
    const o = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required as string[] | undefined) ?? [])
      if (!(r in o)) out.push(`${at}.${r}: required, missing`);
    for (const [k, v] of Object.entries(o)) {
      if (props[k]) out.push(...schemaProblems(doc, props[k], v, `${at}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${at}.${k}: not in the schema`);
      else if (typeof schema.additionalProperties === 'object')
        out.push(...schemaProblems(doc, schema.additionalProperties as Schema, v, `${at}.${k}`));
    }
  }
  return out;
}

/** The schema of `method path` (the document's path template) for `status`, application/json. */
export function responseSchema(doc: OpenApiDoc, method: string, path: string, status: number): Schema {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`no operation ${method} ${path} in the document`);
  const schema = op.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} declares no JSON schema for ${status}`);
  return schema;
}
