import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type ErrorKind } from '@casebridge/contracts';
import { InvalidIntegrationEventError } from '@casebridge/messaging';

const STATUS: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
};

/** Body of every error response. */
export interface ErrorBody {
  statusCode: number;
  /** stable code, e.g. TRANSFER.OUT_OF_ORDER */
  code: string;
  /** written for case officers */
  message: string;
  details?: unknown;
}

/**
 * Errors of reading a request body (body-parser / raw-body, zlib for Content-Encoding) by their `type`:
 * every one a client can cause is a 4xx with a stable code, never a 500.
 */
const BODY_READ_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': {
    status: 413,
    code: 'REQUEST.TOO_LARGE',
    message: 'The request body is larger than 1024 KB; send fewer or shorter items.',
  },
  'entity.parse.failed': {
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
    message: 'The request body is not valid JSON.',
  },
  'entity.verify.failed': {
    status: 400,
    code: 'REQUEST.UNREADABLE_BODY',
    message: 'The request body could not be read.',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_ENCODING',
    message:
      'The Content-Encoding of the request is not supported; send the body uncompressed, or as gzip, deflate or br.',
  },
  'charset.unsupported': {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_CHARSET',
    message: 'The charset of the request is not supported; send JSON in UTF-8.',
  },
  'parameters.too.many': {
    status: 413,
    code: 'REQUEST.TOO_MANY_PARAMETERS',
    message: 'The request has too many parameters.',
  },
  'querystring.parse.rangeError': {
    status: 400,
    code: 'REQUEST.TOO_DEEP',
    message: 'The request nests parameters too deep.',
  },
  'request.aborted': {
    status: 400,
    code: 'REQUEST.ABORTED',
    message: 'The request body ended before it was complete.',
  },
  'request.size.invalid': {
    status: 400,
    code: 'REQUEST.SIZE_MISMATCH',
    message: 'The request body is not as long as its Content-Length says.',
  },
};

/** The error body of a body-reading error (see BODY_READ_ERRORS), else undefined. */
export function bodyReadErrorBody(err: unknown): ErrorBody | undefined {
  if (!err || typeof err !== 'object' || err instanceof HttpException || err instanceof DomainError) return undefined;
  const e = err as { type?: unknown; status?: unknown; expose?: unknown; code?: unknown; errno?: unknown };
  const known = typeof e.type === 'string' ? BODY_READ_ERRORS[e.type] : undefined;
  if (known) return { statusCode: known.status, code: known.code, message: known.message };
  // a Content-Encoding whose data is not what it says (gzip, deflate, br): raw-body passes zlib's error on with status 400
  if (
    e.status === 400 &&
    (typeof e.errno === 'number' || (typeof e.code === 'string' && /^(Z_|ERR__|ERR_BROTLI)/.test(e.code)))
  ) {
    return {
      statusCode: 400,
      code: 'REQUEST.BAD_ENCODING',
      message: 'The request body is not valid data of its Content-Encoding (gzip, deflate or br).',
    };
  }
  // any other error that http-errors made for the client (status 4xx, expose): its status, never a 500
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true) {
    return { statusCode: e.status, code: 'REQUEST.UNREADABLE_BODY', message: 'The request body could not be read.' };
  }
  return undefined;
}

/** Codes of the database failures a request can meet (see databaseFailure): 503s, and one 409. */
export const ServiceErrorCodes = {
  /** never reached the database: nothing was changed, the same request may be sent again */
  unavailable: 'SERVICE.UNAVAILABLE',
  /** the connection broke during the request: the act may or may not have been recorded */
  interrupted: 'SERVICE.INTERRUPTED',
  /** PostgreSQL gave up the transaction for a concurrent one (40001 serialization failure, 40P01 deadlock): nothing written */
  busy: 'SERVICE.BUSY',
  /** 409: a concurrent request wrote the same record first (23505 unique violation): this one wrote nothing */
  concurrentDuplicate: 'REQUEST.CONCURRENT_DUPLICATE',
} as const;

/** SQLSTATEs of a transaction PostgreSQL rolled back for a concurrent one: nothing of it was written, it may be retried. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const UNIQUE_VIOLATION = '23505';

/** What Nest's ParseUUIDPipe says of a path id that is no UUID, and what a case officer is told instead (trial 7). */
const NEST_PARSE_UUID_MESSAGE = 'Validation failed (uuid is expected)';
const PATH_ID_MESSAGE =
  'An id in the address is not an id: ids are UUIDs such as 0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01 (copy it from the record).';

/** Seconds a client should wait before it tries again after a 503 (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

/** Node socket errors of reaching the database at all: no transaction began, nothing was written. */
const CONNECT_ERRNOS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Node socket errors of losing an open connection. */
const LOST_ERRNOS = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/**
 * PostgreSQL SQLSTATEs (Appendix A, "PostgreSQL Error Codes") of a server that cannot serve now:
 * 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections — refused at connect, nothing written;
 * class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown — a connection lost, the transaction's
 * fate unknown to the server's client if it was lost during COMMIT.
 */
const REFUSED_SQLSTATES = new Set(['57P03', '53300']);
const LOST_SQLSTATES = new Set(['57P01', '57P02']);

/**
 * What a database error means for the request, from one walk of its cause chain (TypeORM's QueryFailedError
 * `driverError`, `cause`, node-postgres and pg-pool errors): `refused` — the service never reached PostgreSQL,
 * nothing was written; `lost` — a connection broke, so an act may or may not have been recorded; `busy` — PostgreSQL
 * rolled the transaction back for a concurrent one (40001, 40P01); `duplicate` — a concurrent request wrote the same
 * record first (23505); else undefined.
 */
export function databaseFailure(err: unknown): 'refused' | 'lost' | 'busy' | 'duplicate' | undefined {
  const seen = new Set<unknown>();
  for (let e = err; e && typeof e === 'object' && !seen.has(e);) {
    seen.add(e);
    const x = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
    const code = typeof x.code === 'string' ? x.code : '';
    const message = typeof x.message === 'string' ? x.message : '';
    if (RETRYABLE_SQLSTATES.has(code)) return 'busy';
    if (code === UNIQUE_VIOLATION) return 'duplicate';
    if (CONNECT_ERRNOS.has(code) || REFUSED_SQLSTATES.has(code)) return 'refused';
    // pg-pool: no connection within connectionTimeoutMillis; node-postgres: the connect itself timed out
    if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(message))
      return 'refused';
    if (LOST_ERRNOS.has(code) || LOST_SQLSTATES.has(code) || code.startsWith('08')) return 'lost';
    if (/Connection terminated( unexpectedly)?$|Client has encountered a connection error/i.test(message))
      return 'lost';
    // AggregateError (a connect that tried several addresses) carries its causes in `errors`
    if (Array.isArray(x.errors) && x.errors.some((inner) => databaseFailure(inner) === 'refused')) return 'refused';
    e = x.driverError ?? x.cause;
  }
  return undefined;
}

/** Whether an error is the database being unreachable (databaseFailure's `refused` or `lost`), else undefined. */
export function databaseOutage(err: unknown): 'refused' | 'lost' | undefined {
  const failure = databaseFailure(err);
  return failure === 'refused' || failure === 'lost' ? failure : undefined;
}

/**
 * The one place where errors become HTTP: domain errors by kind, validation errors as 400, body-reading errors as 4xx,
 * the database unreachable as 503 with Retry-After (SERVICE.UNAVAILABLE: nothing written; SERVICE.INTERRUPTED: unknown), the rest 500.
 * A command whose outgoing event would break its contract (publishAs checks it inside the command's
 * transaction, before anything is written) is a validation error too: 400, nothing written, never a 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<{
      status(n: number): { json(b: unknown): void };
      setHeader?(name: string, value: string): void;
    }>();
    const method = http.getRequest<{ method?: string } | undefined>()?.method ?? 'POST';
    const body = this.toBody(exception, /^(GET|HEAD|OPTIONS)$/i.test(method));
    if (body.statusCode === 503) {
      res.setHeader?.('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (body.code === ServiceErrorCodes.concurrentDuplicate) {
      this.logger.warn(`concurrent duplicate: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    else if (exception instanceof InvalidIntegrationEventError)
      this.logger.warn(`command refused: ${exception.message}`);
    res.status(body.statusCode).json(body);
  }

  /** `safe`: a GET/HEAD/OPTIONS request, which records nothing whatever happened to its connection. */
  private toBody(e: unknown, safe = false): ErrorBody {
    if (e instanceof DomainError) {
      return {
        statusCode: STATUS[e.kind],
        code: e.code,
        message: e.message,
        ...(e.details ? { details: e.details } : {}),
      };
    }
    if (e instanceof InvalidIntegrationEventError && e.reason === 'invalid-payload') {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: 'REQUEST.VALIDATION_FAILED',
        message: `This act cannot be recorded: the ${e.eventType} it would tell the other agencies is incomplete (${e.detail}). Nothing was changed.`,
        details: { event: e.eventType, problem: e.detail },
      };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const r = e.getResponse() as string | { message?: string | string[]; code?: string };
      const messages = (
        typeof r === 'string' ? [r] : Array.isArray(r.message) ? r.message : [r.message ?? e.message]
      ).map((m) => (m === NEST_PARSE_UUID_MESSAGE ? PATH_ID_MESSAGE : m));
      const code =
        typeof r === 'object' && r.code
          ? r.code
          : status === 400
            ? 'REQUEST.VALIDATION_FAILED'
            : status === 404
              ? 'REQUEST.NOT_FOUND'
              : `HTTP.${status}`;
      return {
        statusCode: status,
        code,
        message: messages.join('; '),
        ...(messages.length > 1 ? { details: messages } : {}),
      };
    }
    const read = bodyReadErrorBody(e);
    if (read) return read;
    const failure = databaseFailure(e);
    if (failure === 'busy')
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: ServiceErrorCodes.busy,
        message: `The service was busy with a conflicting change; nothing was changed. Please try again in ${RETRY_AFTER_SECONDS} seconds.`,
      };
    if (failure === 'duplicate')
      return {
        statusCode: HttpStatus.CONFLICT,
        code: ServiceErrorCodes.concurrentDuplicate,
        message:
          'Another request recorded the same thing at the same moment; this one changed nothing. Look at the record before you try again.',
      };
    if (failure === 'refused' || (failure === 'lost' && safe))
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: ServiceErrorCodes.unavailable,
        message: `The service cannot reach its database right now; nothing was changed. Please try again in ${RETRY_AFTER_SECONDS} seconds.`,
      };
    if (failure === 'lost')
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: ServiceErrorCodes.interrupted,
        message:
          'The service lost its database connection while working on this request; the act may or may not have been recorded. ' +
          `Please look at the case in ${RETRY_AFTER_SECONDS} seconds before you repeat it.`,
      };
    return {
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Something went wrong on our side; nothing was changed. Please try again or contact support.',
    };
  }
}
