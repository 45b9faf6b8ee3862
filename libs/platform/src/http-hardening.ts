import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { bodyReadErrorBody, type ErrorBody } from './http-error.filter';

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
  duplicateKey: 'REQUEST.DUPLICATE_KEY',
  unsupportedMediaType: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  bodyNotAllowed: 'REQUEST.BODY_NOT_ALLOWED',
} as const;

/** A body refused by the checks below. Its code lives on the prototype: body-parser strips own properties of errors thrown while parsing. */
abstract class BodyRefused extends Error {
  abstract get refusedWith(): string;
}
class TooDeep extends BodyRefused {
  get refusedWith(): string {
    return RequestErrorCodes.tooDeep;
  }
}
class DuplicateKey extends BodyRefused {
  get refusedWith(): string {
    return RequestErrorCodes.duplicateKey;
  }
}
class ForbiddenKey extends BodyRefused {
  get refusedWith(): string {
    return RequestErrorCodes.validationFailed;
  }
}

/**
 * Scans JSON text once, before parsing (brackets and keys inside strings are skipped): refuses nesting of
 * [ and { deeper than `limit` and an object that names the same key twice (JSON.parse would silently keep
 * the last value). Malformed text is left to JSON.parse.
 */
export function scanJson(buf: Buffer, limit: number): 'too-deep' | { duplicateKey: string } | undefined {
  // one entry per open [ or {: for an object, its keys so far and whether the next string is a key
  const stack: ({ keys: Set<string>; expectKey: boolean } | undefined)[] = [];
  let stringStart = -1;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (stringStart >= 0) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) {
        const top = stack[stack.length - 1];
        if (top?.expectKey) {
          let key: string;
          try {
            key = JSON.parse(buf.subarray(stringStart, i + 1).toString('utf8')) as string;
          } catch {
            return undefined;
          }
          if (top.keys.has(key)) return { duplicateKey: key };
          top.keys.add(key);
          top.expectKey = false;
        }
        stringStart = -1;
      }
    } else if (c === 0x22) {
      stringStart = i;
    } else if (c === 0x7b) {
      stack.push({ keys: new Set(), expectKey: true });
      if (stack.length > limit) return 'too-deep';
    } else if (c === 0x5b) {
      stack.push(undefined);
      if (stack.length > limit) return 'too-deep';
    } else if (c === 0x5d || c === 0x7d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top) top.expectKey = true;
    }
  }
  return undefined;
}

function refuseDeepBodies(_req: unknown, _res: unknown, buf: Buffer): void {
  const found = scanJson(buf, MAX_BODY_DEPTH);
  if (found === 'too-deep') {
    throw new TooDeep(
      `The request nests objects or lists more than ${MAX_BODY_DEPTH} levels deep; no CaseBridge request needs that.`,
    );
  }
  if (found)
    throw new DuplicateKey(`${found.duplicateKey} appears more than once in the same object; send each field once.`);
}

/** A UTF-16 surrogate without its pair: JSON may carry one (`"\ud800"`), Unicode text cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON.parse reviver: refuses prototype keys (as unknown fields), NUL characters (PostgreSQL text cannot hold them)
 * and lone UTF-16 surrogates (not Unicode: PostgreSQL refuses them in jsonb and text, which was a 500), in values
 * and in keys, for every route at once.
 */
export function refuseForbiddenKeys(key: string, value: unknown): unknown {
  if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) {
    throw new ForbiddenKey(`${key} is not a field of this request`);
  }
  if (LONE_SURROGATE.test(key)) {
    throw new ForbiddenKey('a field name contains an invalid character (a lone UTF-16 surrogate): it is not text');
  }
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new ForbiddenKey(`${key || 'the body'} must not contain the NUL character (\\u0000)`);
  }
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    throw new ForbiddenKey(
      `${key || 'the body'} contains an invalid character (a lone UTF-16 surrogate such as \\ud800): send the text as valid Unicode`,
    );
  }
  return value;
}

type Next = (err?: unknown) => void;
type Res = ServerResponse & { status(code: number): { json(body: unknown): void } };

/** Turns body-reading errors (size, JSON syntax, encodings, the checks above) into the project's error body (bodyReadErrorBody). */
function bodyErrors(err: unknown, _req: IncomingMessage, res: Res, next: Next): void {
  const body: ErrorBody | undefined =
    err instanceof BodyRefused
      ? { statusCode: 400, code: err.refusedWith, message: err.message }
      : bodyReadErrorBody(err);
  if (!body) return next(err);
  res.status(body.statusCode).json(body);
}

/**
 * What a body that is valid JSON but not an object (`null`, `[1,2]`, `"text"`, `42`) is told by a route that takes a
 * body (400 REQUEST.VALIDATION_FAILED, the validation pipe of every app: createValidationPipe).
 */
export const BODY_NOT_AN_OBJECT =
  'the request body must be a JSON object (a set of named fields, such as {"note": "…"}), not a list, text, a number or null';

/** Whether a parsed body is a JSON object (not null, not a list, not a string, number or boolean). */
export function isJsonObject(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

/** Whether a request carries a body (RFC 9112: Transfer-Encoding, or a Content-Length other than 0). */
export function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

/**
 * The APIs take JSON only (no route takes a form or a file): a body of any other media type is refused with
 * 415 before any parser reads it, so every body gets the JSON checks (depth, duplicate and prototype keys, NUL).
 */
function jsonOnly(req: IncomingMessage, res: Res, next: Next): void {
  if (!hasBody(req)) return next();
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/json') return next();
  res.status(415).json({
    statusCode: 415,
    code: RequestErrorCodes.unsupportedMediaType,
    message: `This API takes JSON only: send the body with Content-Type: application/json${mediaType ? ` (not ${mediaType})` : ''}.`,
  } satisfies ErrorBody);
}

/** Comma-separated origins (https://console.example.gov.cn), as validated in BaseEnv.CASEBRIDGE_CORS_ORIGINS. */
export function corsOrigins(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/**
 * Content-Security-Policy of everything but /docs: the supervision console loads only its own script,
 * style sheet and API (no inline code, no other origin); nothing may frame any page.
 */
const STRICT_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Applies body limits, security headers and CORS. Call before routes are registered (configureHttpApp does). */
export function hardenHttp(app: INestApplication, options: { corsOrigins: string[] }): void {
  const strict = helmet({
    contentSecurityPolicy: STRICT_CSP,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  // Swagger UI (/docs) has inline styles of its own: helmet's default policy there
  const docs = helmet({
    contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  const headers = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    // data is per officer and changes: never cached (static assets of the console set their own Cache-Control)
    res.setHeader('Cache-Control', 'no-store');
    (req.url?.startsWith('/docs') ? docs : strict)(req, res, next);
  };
  app.use(headers);
  if (options.corsOrigins.length) {
    app.enableCors({
      origin: options.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    });
  }
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  app.use(jsonOnly);
  // not strict: `null` or `42` is valid JSON that is no object — the route says so (a body route's validation pipe:
  // BODY_NOT_AN_OBJECT; a route without a body: RequestShapeInterceptor, BODY_NOT_ALLOWED), not "malformed JSON"
  express.useBodyParser('json', {
    limit: MAX_BODY_BYTES,
    strict: false,
    verify: refuseDeepBodies,
    reviver: refuseForbiddenKeys,
  });
  // never reached by a form (jsonOnly refuses it first); registered so that Nest adds no parser of its own
  express.useBodyParser('urlencoded', { limit: MAX_BODY_BYTES, extended: false, parameterLimit: 1000 });
  app.use(bodyErrors);
}
