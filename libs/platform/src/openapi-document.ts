import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ErrorCodes } from '@casebridge/contracts';
import { RequestErrorCodes } from './http-hardening';
import { RETRY_AFTER_SECONDS, ServiceErrorCodes } from './http-error.filter';

/**
 * The parts of every app's OpenAPI document that no controller writes by hand (#13 item 15): the error
 * codes every route can answer besides its own — 401 and 403 of the access guard on routes with roles,
 * 400 of the validation pipe and of the body checks where the route takes a body or query, 413 where it
 * takes a body, 503 of the database unreachable (Retry-After) — and one schema for every error body. `undocumentedResponses` is the check the tests run
 * (apps/openapi-documents.spec.ts): every success answer has a schema, every error lists its codes.
 */
export const ErrorBodySchema: SchemaObject = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer', example: 409 },
    code: {
      type: 'string',
      example: 'TRANSFER.OUT_OF_ORDER',
      description: 'stable code, listed per status in each operation',
    },
    message: { type: 'string', description: 'written for case officers' },
    details: { description: 'more about the error (e.g. every message of a field), when any' },
  },
  required: ['statusCode', 'code', 'message'],
  additionalProperties: false,
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** A stable error code, e.g. TRANSFER.OUT_OF_ORDER. */
const CODE = /\b[A-Z][A-Z_]*\.[A-Z][A-Z_]*\b/;

export function operationsOf(doc: OpenAPIObject): { id: string; op: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ id: `${m.toUpperCase()} ${p}`, op: item[m]! })),
  );
}

function addCodes(op: OperationObject, status: string, codes: [string, string][]): void {
  const r = (op.responses[status] ??= { description: '' }) as ResponseObject;
  const missing = codes.filter(([code]) => !r.description.includes(code));
  if (!missing.length) return;
  r.description = [r.description, ...missing.map(([code, what]) => `${code} — ${what}`)].filter(Boolean).join('; ');
}

/** Completes the document in place (bootstrap.ts applies it to every app's /docs-json). */
export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  for (const { id, op } of operationsOf(doc)) {
    // /health answers 503 with its own report (terminus), not an error body
    if (!/ \/health$/.test(id)) {
      addCodes(op, '503', [
        [
          ServiceErrorCodes.unavailable,
          `the database cannot be reached; nothing was changed; retry after ${RETRY_AFTER_SECONDS} s (Retry-After)`,
        ],
        [
          ServiceErrorCodes.interrupted,
          'the database connection broke during the request; look before repeating the act',
        ],
        [ServiceErrorCodes.busy, 'PostgreSQL gave the transaction up for a concurrent one; nothing was changed; retry'],
      ]);
      (op.responses['503'] as ResponseObject).headers = {
        'Retry-After': {
          description: 'seconds to wait before trying again',
          schema: { type: 'integer', example: RETRY_AFTER_SECONDS },
        },
      };
      if (/^(POST|PUT|PATCH|DELETE) /.test(id))
        addCodes(op, '409', [
          [
            ServiceErrorCodes.concurrentDuplicate,
            'a concurrent request recorded the same thing first; this one changed nothing',
          ],
        ]);
    }
    const access = (op as unknown as Record<string, unknown>)['x-casebridge-access'] as
      { roles?: string[] } | undefined;
    if (access?.roles) {
      addCodes(op, '401', [[ErrorCodes.unauthorized, 'no, malformed, expired or wrongly signed bearer token']]);
      addCodes(op, '403', [
        [ErrorCodes.forbiddenRole, `the token has none of the roles ${access.roles.join(', ')}`],
        [ErrorCodes.wrongAgency, 'the token is of an agency kind this service does not serve'],
      ]);
    }
    const takesBody = !!op.requestBody;
    const takesQuery = (op.parameters ?? []).some((p) => 'in' in p && p.in === 'query');
    if (takesBody || takesQuery)
      addCodes(op, '400', [
        [RequestErrorCodes.validationFailed, 'a field is missing, unknown or out of bounds (one message per field)'],
      ]);
    if (takesBody) {
      addCodes(op, '400', [
        [RequestErrorCodes.malformedJson, 'the body is not JSON'],
        [RequestErrorCodes.tooDeep, 'the body nests too deep'],
      ]);
      addCodes(op, '413', [[RequestErrorCodes.tooLarge, 'the body is over 1 MiB']]);
    }
    for (const [status, r] of Object.entries(op.responses)) {
      if (!/^[45]/.test(status) || !r || '$ref' in r) continue;
      const res = r as ResponseObject;
      if (!res.content) res.content = { 'application/json': { schema: ErrorBodySchema } };
      else
        for (const media of Object.values(res.content))
          if (!declaresShape(media.schema as SchemaObject))
            media.schema = { ...ErrorBodySchema, ...(media.schema ?? {}) };
    }
  }
  closeResponseDtos(doc);
  return doc;
}

/**
 * Response DTOs (`queries/<query>/<query>.response.dto.ts`, classes named `…Response`) answer exactly their
 * properties: their component schemas get `additionalProperties: false`, so the fuzz run catches an answer
 * that carries a field its DTO does not declare (as the hand-written schemas of `entitySchema` do).
 */
function closeResponseDtos(doc: OpenAPIObject): void {
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const s = schema as SchemaObject;
    if (name.endsWith('Response') && s.properties && s.additionalProperties === undefined)
      s.additionalProperties = false;
  }
}

/** What a schema says beyond an example: a type, a reference or a composition. */
const declaresShape = (s: SchemaObject | undefined): boolean =>
  !!s && ['type', '$ref', 'oneOf', 'anyOf', 'allOf', 'properties', 'items'].some((k) => k in s);

/**
 * The gaps of a document: success answers (other than 204) without a schema, error answers whose
 * description names no code (4xx), and operations listing no error at all.
 */
export function undocumentedResponses(doc: OpenAPIObject): string[] {
  const gaps: string[] = [];
  for (const { id, op } of operationsOf(doc)) {
    const entries = Object.entries(op.responses ?? {}) as [string, ResponseObject][];
    for (const [status, r] of entries) {
      if (/^2/.test(status) && status !== '204') {
        const media = Object.entries(r.content ?? {});
        if (!media.length) gaps.push(`${id} ${status}: no content`);
        for (const [type, m] of media)
          if (!declaresShape(m.schema as SchemaObject)) gaps.push(`${id} ${status} ${type}: no schema`);
      }
      if (/^4/.test(status) && !CODE.test(r.description ?? '')) gaps.push(`${id} ${status}: no error code named`);
    }
    if (!entries.some(([s]) => /^[45]/.test(s))) gaps.push(`${id}: no error response listed`);
  }
  return gaps;
}
