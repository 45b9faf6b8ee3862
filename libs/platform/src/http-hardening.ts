import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { ErrorBody } from './http-error.filter';

/**
 * HTTP hardening shared by every app: request bodies (size, depth, forbidden keys), security headers
 * (helmet), no caching of data, and CORS only for configured origins.
 */

/**
 * Largest JSON body: 1 MiB. The largest real body is a materials list (at most 500 items of a kind, a
 * title up to 200 characters and an evidence id: under 400 KB in UTF-8 even in Chinese) or a 4,000-character
 * text; 1 MiB leaves room and stops abuse. Over it: 413 REQUEST.TOO_LARGE.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deepest nesting of objects/lists a body may have (the deepest DTO is 3 levels): past it 400 REQUEST.TOO_DEEP, before parsing. */
export const MAX_BODY_DEPTH = 32;
/** Keys refused anywhere in a body: they reach prototypes, never fields. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export const RequestErrorCodes = {
  tooLarge: 'REQUEST.TOO_LARGE',
  tooDeep: 'REQUEST.TOO_DEEP',
  malformedJson: 'REQUEST.MALFORMED_JSON',
  validationFailed: 'REQUEST.VALIDATION_FAILED',
} as const;

/** A body refused by the checks below. Its code lives on the prototype: body-parser strips own properties of errors thrown while parsing. */
abstract class BodyRefused extends Error {
  abstract get refusedWith(): string;
}
class TooDeep extends BodyRefused {
  get refusedWith(): string { return RequestErrorCodes.tooDeep; }
}
class ForbiddenKey extends BodyRefused {
  get refusedWith(): string { return RequestErrorCodes.validationFailed; }
}

/** Depth of nested [ and { in JSON text, ignoring brackets inside strings; stops counting once past `limit`. */
export function jsonDepthExceeds(buf: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

function refuseDeepBodies(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonDepthExceeds(buf, MAX_BODY_DEPTH)) {
    throw new TooDeep(`The request nests objects or lists more than ${MAX_BODY_DEPTH} levels deep; no CaseBridge request needs that.`);
  }
}

/** JSON.parse reviver: refuses prototype keys (as unknown fields) and NUL characters (PostgreSQL text cannot hold them). */
function refuseForbiddenKeys(key: string, value: unknown): unknown {
  if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) {
    throw new ForbiddenKey(`${key} is not a field of this request`);
  }
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new ForbiddenKey(`${key || 'the body'} must not contain the NUL character (\\u0000)`);
  }
  return value;
}

type Next = (err?: unknown) => void;
type Res = ServerResponse & { status(code: number): { json(body: unknown): void } };

/** Turns body-parser's errors (size, JSON syntax, the checks above) into the project's error body. */
function bodyErrors(err: unknown, _req: IncomingMessage, res: Res, next: Next): void {
  const e = err as { type?: string; status?: number; message?: string; code?: string };
  let body: ErrorBody | undefined;
  if (e instanceof BodyRefused) {
    body = { statusCode: 400, code: e.refusedWith, message: e.message };
  } else if (e?.type === 'entity.too.large') {
    body = { statusCode: 413, code: RequestErrorCodes.tooLarge, message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB; send fewer or shorter items.` };
  } else if (e?.type === 'entity.parse.failed') {
    body = { statusCode: 400, code: RequestErrorCodes.malformedJson, message: 'The request body is not valid JSON.' };
  } else if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.type?.startsWith('entity.') || e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    body = { statusCode: e.status ?? 400, code: `HTTP.${e.status ?? 400}`, message: e.message ?? 'The request body could not be read.' };
  }
  if (!body) return next(err);
  res.status(body.statusCode).json(body);
}

/** Comma-separated origins (https://console.example.gov.cn), as validated in BaseEnv.CASEBRIDGE_CORS_ORIGINS. */
export function corsOrigins(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((o) => o.trim()).filter(Boolean);
}

/**
 * Content-Security-Policy of everything but /docs: the supervision console loads only its own script,
 * style sheet and API (no inline code, no other origin); nothing may frame any page.
 */
const STRICT_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"],
    fontSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"],
  },
};

/** Applies body limits, security headers and CORS. Call before routes are registered (configureHttpApp does). */
export function hardenHttp(app: INestApplication, options: { corsOrigins: string[] }): void {
  const strict = helmet({ contentSecurityPolicy: STRICT_CSP, referrerPolicy: { policy: 'no-referrer' }, frameguard: { action: 'deny' } });
  // Swagger UI (/docs) has inline styles of its own: helmet's default policy there
  const docs = helmet({ contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } }, referrerPolicy: { policy: 'no-referrer' }, frameguard: { action: 'deny' } });
  const headers = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    // data is per officer and changes: never cached (static assets of the console set their own Cache-Control)
    res.setHeader('Cache-Control', 'no-store');
    (req.url?.startsWith('/docs') ? docs : strict)(req, res, next);
  };
  app.use(headers);
  if (options.corsOrigins.length) {
    app.enableCors({ origin: options.corsOrigins, methods: ['GET', 'POST'], allowedHeaders: ['Authorization', 'Content-Type'], maxAge: 600 });
  }
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.useBodyParser('json', { limit: MAX_BODY_BYTES, verify: refuseDeepBodies, reviver: refuseForbiddenKeys });
  express.useBodyParser('urlencoded', { limit: MAX_BODY_BYTES, extended: false, parameterLimit: 1000 });
  app.use(bodyErrors);
}
