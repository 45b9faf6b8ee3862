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

/**
 * The one place where errors become HTTP: domain errors by kind, validation errors as 400, body-reading errors as 4xx, the rest 500.
 * A command whose outgoing event would break its contract (publishAs checks it inside the command's
 * transaction, before anything is written) is a validation error too: 400, nothing written, never a 500.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<{ status(n: number): { json(b: unknown): void } }>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    else if (exception instanceof InvalidIntegrationEventError)
      this.logger.warn(`command refused: ${exception.message}`);
    res.status(body.statusCode).json(body);
  }

  private toBody(e: unknown): ErrorBody {
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
      const messages = typeof r === 'string' ? [r] : Array.isArray(r.message) ? r.message : [r.message ?? e.message];
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
    return {
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Something went wrong on our side; nothing was changed. Please try again or contact support.',
    };
  }
}
