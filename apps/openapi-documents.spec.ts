/**
 * The OpenAPI document of every HTTP app (#13 items 14, 15), built from the real modules without
 * infrastructure (Nest's preview mode: the module graph and the controllers' metadata, no providers
 * started): every success answer declares a schema (the fuzz run checks real answers against it, so an
 * answer without one is never checked), every error status names its codes, every operation lists its
 * errors. A new route without a response schema fails here.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { completeDocument, operationsOf, undocumentedResponses } from '@casebridge/platform';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, OUTSIDE_JURISDICTION } from '@casebridge/contracts';
import { ENFORCEMENT_ACT_RULES, POLICE_ACT_RULES } from '@casebridge/flows';
import { ENFORCEMENT_ERRORS } from './enforcement/src/enforcement.errors';
import { POLICE_ERRORS } from './police/src/police.errors';
import { PROCURATORATE_ERRORS } from './procuratorate/src/procuratorate.errors';
import { COURT_ERRORS } from './court/src/court.errors';
import { COURT_ACT_RULES, CourtErrorCodes } from './court/src/court-cases/court-case.machine';
import {
  SUPERVISION_ACT_RULES,
  SupervisionErrorCodes,
} from './procuratorate/src/filing-supervision/filing-supervision.machine';
import { OpinionErrorCodes } from './procuratorate/src/filing-supervision/commands/issue-transfer-opinion';

const APPS = ['enforcement', 'police', 'procuratorate', 'court', 'supervision', 'audit'] as const;

async function documentOf(app: (typeof APPS)[number]): Promise<OpenAPIObject> {
  // the modules validate their environment when loaded; only a signing secret is needed to build the graph
  process.env.CASEBRIDGE_JWT_SECRET ??= 'openapi-documents-spec-secret-0123456789';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- each app's module, loaded after the environment is set
  const { AppModule } = require(`./${app}/src/app.module`) as { AppModule: unknown };
  const nest = await NestFactory.create(AppModule as never, { preview: true, logger: false });
  try {
    return completeDocument(SwaggerModule.createDocument(nest, new DocumentBuilder().build()));
  } finally {
    await nest.close();
  }
}

describe('OpenAPI documents of the HTTP apps', () => {
  const docs = new Map<string, OpenAPIObject>();
  beforeAll(async () => {
    for (const app of APPS) docs.set(app, await documentOf(app));
  });

  it.each(APPS.map((a) => [a]))('%s: every success answer has a schema, every error its codes', (app) => {
    const doc = docs.get(app)!;
    expect(operationsOf(doc).length).toBeGreaterThan(0);
    expect(undocumentedResponses(doc)).toEqual([]);
  });

  it('the check finds an answer without a schema and an error without a code', () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/x': {
          get: {
            responses: {
              200: { description: '', content: { 'application/json': { schema: { example: { a: 1 } } } } },
              404: { description: 'not there' },
            },
          },
        },
      },
    } as unknown as OpenAPIObject;
    expect(undocumentedResponses(doc)).toEqual([
      'GET /x 200 application/json: no schema',
      'GET /x 404: no error code named',
    ]);
  });

  it('routes with roles list 401 and 403 with their codes; bodies list 400 and 413; error bodies have a schema', () => {
    const op = docs.get('enforcement')!.paths['/transfers/{transferId}/send']!.post!;
    const described = (s: string) => (op.responses[s] as { description: string }).description;
    expect(described('401')).toContain('AUTH.UNAUTHORIZED');
    expect(described('403')).toContain('AUTH.ROLE_NOT_ALLOWED');
    expect(described('400')).toMatch(/REQUEST\.VALIDATION_FAILED.*REQUEST\.MALFORMED_JSON.*REQUEST\.TOO_DEEP/);
    expect(described('413')).toContain('REQUEST.TOO_LARGE');
    expect(described('409')).toContain('TRANSFER.OUT_OF_ORDER');
    expect(
      (op.responses['409'] as { content: Record<string, { schema: { required: string[] } }> }).content[
        'application/json'
      ]!.schema.required,
    ).toEqual(['statusCode', 'code', 'message']);
  });

  it('reads answer response DTOs: a closed component schema with every property required and an example', () => {
    const doc = docs.get('enforcement')!;
    const ok = doc.paths['/transfers/{transferId}']!.get!.responses['200'] as {
      content: Record<string, { schema: { $ref?: string } }>;
    };
    expect(ok.content['application/json']!.schema.$ref).toBe('#/components/schemas/TransferResponse');
    const dto = doc.components!.schemas!.TransferResponse as {
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { enum?: unknown[]; example?: unknown }>;
    };
    expect(dto.additionalProperties).toBe(false);
    expect(dto.required).toEqual(expect.arrayContaining(['id', 'phase', 'phaseAt', 'closed', 'timeline']));
    expect(dto.properties).not.toHaveProperty('version');
    expect(dto.properties.phase!.enum).toContain('sent');
    expect(dto.properties.previousPhase!.enum).toContain(null);
    expect(dto.properties.policeAgencyId!.example).toBe('police:210100');
  });

  // Kept case (session 6 trial): /docs said percentDone was a number; a fraction was refused
  it('whole numbers are documented as integers with their bounds, in bodies, query parameters and answers', () => {
    const court = docs.get('court')!.components!.schemas! as Record<string, { properties: Record<string, unknown> }>;
    expect(court.RestorationReportRequest!.properties.percentDone).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 100,
    });
    expect(JSON.stringify(court)).not.toMatch(/"percentDone":\{[^}]*"type":"number"/);
    const steps = docs.get('supervision')!.paths['/steps']!.get!.parameters as { name: string; schema: unknown }[];
    expect(steps.find((p) => p.name === 'pageSize')!.schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 200,
    });
  });

  it('views list their phases and nullable enums admit null', () => {
    const audit = JSON.stringify(docs.get('audit')!);
    expect(audit).toContain('"phase":{"type":"string","enum":["awaiting-receipt"');
    const supervision = docs.get('supervision')!.components!.schemas!;
    expect(
      (supervision.StepView as { properties: Record<string, { nullable?: boolean }> }).properties.outcome!.nullable,
    ).toBe(true);
  });
});

// ---- one error-code catalogue per context (issue #10 item 2) --------------------------------------------

/** The constants a throw may name a code by (`new DomainError(ErrorCodes.caseClosed, …)`). */
const CONSTANTS: Record<string, Record<string, string> | string> = {
  ErrorCodes,
  SupervisionErrorCodes,
  OpinionErrorCodes,
  OUTSIDE_JURISDICTION,
  CourtErrorCodes,
};

/**
 * The codes a source text throws: the first argument of `new DomainError(…)` and the `code:` of a not-found
 * (`ensureOwnAgency`, the unit of work's spec) — a literal, or a constant above. Anything else is returned as
 * `?<expression>` so that the test names it.
 */
export function thrownCodes(source: string): string[] {
  const codes = new Set<string>();
  for (const m of source.matchAll(/new DomainError\(\s*([^,]+),|\bcode: ([A-Za-z_.]+|'[A-Z_.]+')/g)) {
    const expr = (m[1] ?? m[2])!.trim();
    if (/^'[A-Z_.]+'$/.test(expr)) codes.add(expr.slice(1, -1));
    else if (
      ['code', 'notFound.code', 'rules.codes.alreadyDone', 'rules.codes.outOfOrder', 'rules.codes.closed'].includes(
        expr,
      )
    )
      continue; // generic: the catalogue of the caller
    else {
      const [head, key] = expr.split('.') as [string, string | undefined];
      const c = CONSTANTS[head];
      const code = typeof c === 'string' ? c : key ? c?.[key] : undefined;
      codes.add(code ?? `?${expr}`);
    }
  }
  return [...codes];
}

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'migrations' ? [] : sourcesOf(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

const CONTEXTS = [
  { app: 'enforcement', catalogue: ENFORCEMENT_ERRORS, guard: ENFORCEMENT_ACT_RULES.codes },
  { app: 'police', catalogue: POLICE_ERRORS, guard: POLICE_ACT_RULES.codes },
  { app: 'procuratorate', catalogue: PROCURATORATE_ERRORS, guard: SUPERVISION_ACT_RULES.codes },
  { app: 'court', catalogue: COURT_ERRORS, guard: COURT_ACT_RULES.codes },
] as const;

describe('error-code catalogues', () => {
  const docs = new Map<string, OpenAPIObject>();
  beforeAll(async () => {
    for (const { app } of CONTEXTS) docs.set(app, await documentOf(app));
  });

  it.each(CONTEXTS.map((c) => [c.app, c] as const))(
    '%s: every code it throws is in its catalogue',
    (_app, { app, catalogue, guard }) => {
      const thrown = new Set([
        ...sourcesOf(path.join(__dirname, app, 'src')).flatMap((f) => thrownCodes(readFileSync(f, 'utf8'))),
        ...Object.values(guard),
      ]);
      expect([...thrown].filter((code) => !(code in catalogue)).sort()).toEqual([]);
    },
  );

  it.each(CONTEXTS.map((c) => [c.app, c] as const))(
    '%s: every catalogued code is named in its OpenAPI document',
    (_app, { app, catalogue }) => {
      const doc = JSON.stringify(docs.get(app));
      expect(
        Object.keys(catalogue)
          .filter((code) => !doc.includes(code))
          .sort(),
      ).toEqual([]);
    },
  );

  it('the scan finds literal and named codes and names what it cannot resolve', () => {
    expect(
      thrownCodes(`throw new DomainError('X.ONE', 'invalid', 'm'); new DomainError(ErrorCodes.caseClosed, 'conflict', 'm');
      ensureOwnAgency(r, o, { code: ErrorCodes.caseNotFound, message: '' }); new DomainError(somethingElse, 'invalid', '')`),
    ).toEqual(['X.ONE', 'CASE.CLOSED', 'CASE.NOT_FOUND', '?somethingElse']);
  });
});
