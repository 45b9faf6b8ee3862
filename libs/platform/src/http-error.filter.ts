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
 * The one place where errors become HTTP: domain errors by kind, validation errors as 400, the rest 500.
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
    else if (exception instanceof InvalidIntegrationEventError) this.logger.warn(`command refused: ${exception.message}`);
    res.status(body.statusCode).json(body);
  }

  private toBody(e: unknown): ErrorBody {
    if (e instanceof DomainError) {
      return { statusCode: STATUS[e.kind], code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
    }
    if (e instanceof InvalidIntegrationEventError && e.reason === 'invalid-payload') {
      return {
        statusCode: HttpStatus.BAD_REQUEST, code: 'REQUEST.VALIDATION_FAILED',
        message: `This act cannot be recorded: the ${e.eventType} it would tell the other agencies is incomplete (${e.detail}). Nothing was changed.`,
        details: { event: e.eventType, problem: e.detail },
      };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const r = e.getResponse() as string | { message?: string | string[]; code?: string };
      const messages = typeof r === 'string' ? [r] : Array.isArray(r.message) ? r.message : [r.message ?? e.message];
      const code = typeof r === 'object' && r.code ? r.code
        : status === 400 ? 'REQUEST.VALIDATION_FAILED' : status === 404 ? 'REQUEST.NOT_FOUND' : `HTTP.${status}`;
      return {
        statusCode: status, code,
        message: messages.join('; '),
        ...(messages.length > 1 ? { details: messages } : {}),
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side; nothing was changed. Please try again or contact support.' };
  }
}
