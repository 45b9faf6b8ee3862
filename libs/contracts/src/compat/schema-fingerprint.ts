import { createHash } from 'node:crypto';
import { getMetadataStorage } from 'class-validator';
import type { EventDefinition } from '../registry';

type Class = new () => object;

// class-transformer keeps @Type metadata in a storage it does not export with types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: {
    findTypeMetadata(target: Function, property: string): { typeFunction?: () => unknown } | undefined;
  };
};

/** The validated shape of a payload class: each property with its constraints, nested classes inlined. */
export type SchemaShape = Record<string, { rules: string[]; nested?: SchemaShape }>;

function argText(v: unknown): string {
  if (v instanceof RegExp) return v.toString();
  if (typeof v === 'function') return `fn:${(v as { name?: string }).name ?? ''}`;
  return JSON.stringify(v) ?? String(v);
}

export function schemaShape(cls: Class, seen: Set<Class> = new Set()): SchemaShape {
  if (seen.has(cls)) return { '<recursive>': { rules: [cls.name] } };
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const shape: SchemaShape = {};
  for (const m of metas) {
    const prop = (shape[m.propertyName] ??= { rules: [] });
    const name = m.name ?? m.type;
    const args = (m.constraints ?? []).map(argText).join(',');
    prop.rules.push(`${name}(${args})${m.each ? '[each]' : ''}`);
  }
  for (const [prop, entry] of Object.entries(shape)) {
    entry.rules.sort();
    const typeMeta = defaultMetadataStorage.findTypeMetadata(cls, prop);
    const nestedCls = typeMeta?.typeFunction?.() as Class | undefined;
    if (nestedCls && entry.rules.some((r) => r.startsWith('nestedValidation'))) {
      entry.nested = schemaShape(nestedCls, new Set([...seen, cls]));
    }
  }
  return Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));
}

export function fingerprint(def: EventDefinition): { hash: string; shape: SchemaShape } {
  const shape = schemaShape(def.payload as Class);
  const hash = createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
  return { hash, shape };
}

export type Snapshot = Record<string, { hash: string; shape: SchemaShape }>;

export const keyOf = (d: Pick<EventDefinition, 'type' | 'version'>): string => `${d.type}@v${d.version}`;

/**
 * The compatibility rule of the contracts: a published (type, version) never changes shape; a change
 * is a new version with an upcaster; no version disappears. Returns one readable problem per breach.
 */
export function compatibilityProblems(definitions: readonly EventDefinition[], snapshot: Snapshot): string[] {
  const problems: string[] = [];
  const current = new Map(definitions.map((d) => [keyOf(d), d]));
  for (const [key, def] of current) {
    const known = snapshot[key];
    if (!known) {
      problems.push(
        `${key} is not in the contracts snapshot: record it with \`npm run contracts:snapshot\` (new versions only)`,
      );
      continue;
    }
    const now = fingerprint(def);
    if (now.hash !== known.hash) {
      problems.push(
        `${key} changed its schema without a new version: keep v${def.version} frozen and add v${def.version + 1} with an upcaster ` +
          `(was ${JSON.stringify(known.shape)}, now ${JSON.stringify(now.shape)})`,
      );
    }
    if (def.version > 1 && !def.upcastFrom) problems.push(`${key} has no upcaster from v${def.version - 1}`);
  }
  for (const key of Object.keys(snapshot)) {
    if (!current.has(key)) problems.push(`${key} was published and is gone: old events of it could no longer be read`);
  }
  return problems;
}

/** The snapshot with every new (type, version) added; existing entries are never rewritten. */
export function extendSnapshot(
  definitions: readonly EventDefinition[],
  snapshot: Snapshot,
): { snapshot: Snapshot; added: string[] } {
  const next: Snapshot = { ...snapshot };
  const added: string[] = [];
  for (const d of definitions) {
    const key = keyOf(d);
    if (!next[key]) {
      next[key] = fingerprint(d);
      added.push(key);
    }
  }
  return { snapshot: Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b))), added };
}
