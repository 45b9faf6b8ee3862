import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataArgsStorage } from 'typeorm';

/**
 * OpenAPI response schemas derived from the TypeORM entity a route returns, so the document cannot drift
 * from the columns: each column's JSON type as the pg driver and JSON.stringify give it (timestamptz → an
 * ISO-8601 string, bigint → a string, jsonb → any JSON), nullable where the column is, every column
 * required and no other property allowed. The fuzz run (test/fuzz) checks real answers against them.
 */
export interface EntitySchemaOptions {
  /** columns the route leaves out (e.g. version, agencyId) */
  omit?: readonly string[];
  /** properties the route adds (e.g. closed) */
  extra?: Record<string, SchemaObject>;
  /** columns holding one of a fixed set of values */
  enums?: Record<string, readonly string[]>;
}

function columnSchema(type: unknown, mode: string): SchemaObject {
  if (mode === 'version') return { type: 'integer' };
  if (mode === 'createDate' || mode === 'updateDate') return { type: 'string', format: 'date-time' };
  switch (typeof type === 'function' ? type.name.toLowerCase() : String(type)) {
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'varchar':
    case 'text':
    case 'char':
    case 'character varying':
    case 'string':
      return { type: 'string' };
    case 'timestamptz':
    case 'timestamp':
    case 'timestamp with time zone':
    case 'date':
      return { type: 'string', ...(type === 'date' ? {} : { format: 'date-time' }) };
    case 'int':
    case 'integer':
    case 'smallint':
    case 'int4':
    case 'int2':
    case 'number':
      return { type: 'integer' };
    case 'bigint':
    case 'int8':
    case 'numeric':
    case 'decimal':
      return { type: 'string' };
    case 'boolean':
    case 'bool':
      return { type: 'boolean' };
    case 'jsonb':
    case 'json':
    case 'simple-json':
      return {};
    default:
      throw new Error(`entitySchema: no OpenAPI type for column type ${String(type)}`);
  }
}

export function entitySchema(
  entity: abstract new (...args: never[]) => unknown,
  options: EntitySchemaOptions = {},
): SchemaObject {
  const omit = new Set(options.omit ?? []);
  const properties: Record<string, SchemaObject> = {};
  for (const c of getMetadataArgsStorage().filterColumns(entity as never)) {
    if (omit.has(c.propertyName)) continue;
    const base = columnSchema(c.options.type, c.mode);
    const values = options.enums?.[c.propertyName];
    const schema = values ? { type: 'string', enum: [...values] } : base;
    // a nullable enum lists null among its values (OpenAPI 3.0: nullable does not widen an enum)
    properties[c.propertyName] = !c.options.nullable
      ? schema
      : values
        ? { ...schema, enum: [...values, null], nullable: true }
        : { ...schema, nullable: true };
  }
  Object.assign(properties, options.extra ?? {});
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

/** An answer made of ids only, e.g. { caseId, linkedCaseId } of a registration. */
export function idsSchema(...names: string[]): SchemaObject {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, { type: 'string', format: 'uuid' }])),
    required: names,
    additionalProperties: false,
    example: Object.fromEntries(
      names.map((n, i) => [n, ['0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01', '01927c3e-8a4b-7c2d-9e1f-0a1b2c3d4e5f'][i % 2]]),
    ),
  };
}

/** A list of `item`. */
export const listOf = (item: SchemaObject): SchemaObject => ({ type: 'array', items: item });

/**
 * Small builders for explicit response schemas (answers that are not one entity): every listed property is
 * required unless given in `optional`, and no other property is allowed, so the fuzz run catches drift.
 */
export const Json = {
  string: { type: 'string' } as SchemaObject,
  uuid: { type: 'string', format: 'uuid' } as SchemaObject,
  instant: { type: 'string', format: 'date-time' } as SchemaObject,
  /** a calendar day, YYYY-MM-DD */
  day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as SchemaObject,
  integer: { type: 'integer' } as SchemaObject,
  boolean: { type: 'boolean' } as SchemaObject,
  /** any JSON value */
  any: {} as SchemaObject,
  /** a JSON object with any properties */
  anyObject: { type: 'object', additionalProperties: true } as SchemaObject,
  /** one of `values` (a nullable one admits null: list null among them) */
  enumOf: (values: readonly (string | null)[]): SchemaObject =>
    values.includes(null)
      ? { type: 'string', enum: [...values], nullable: true }
      : { type: 'string', enum: [...values] },
  nullable: (s: SchemaObject): SchemaObject => ({ ...s, nullable: true }),
  list: (item: SchemaObject): SchemaObject => ({ type: 'array', items: item }),
  /** an object of exactly these properties; `optional` ones may be absent */
  object: (required: Record<string, SchemaObject>, optional: Record<string, SchemaObject> = {}): SchemaObject => ({
    type: 'object',
    properties: { ...required, ...optional },
    required: Object.keys(required),
    additionalProperties: false,
  }),
  /** an object whose keys are free and whose values all match `value` */
  mapOf: (value: SchemaObject): SchemaObject => ({ type: 'object', additionalProperties: value }),
};

/** { zh, en } names and titles (the agency directory's Bilingual). */
export const BilingualSchema: SchemaObject = Json.object({ zh: Json.string, en: Json.string });
