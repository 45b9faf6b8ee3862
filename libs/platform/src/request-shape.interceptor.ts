import {
  BadRequestException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { IncomingMessage } from 'node:http';
import type { Observable } from 'rxjs';
import { FORBIDDEN_KEYS, hasBody, RequestErrorCodes } from './http-hardening';

/** A query parameter name: a plain identifier (no brackets, no dots), as every query DTO field is. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * What the route's handler declares decides what a request may carry, for routes with and without a
 * schema alike: a handler without @Body() refuses a body (other than {}), 400 REQUEST.BODY_NOT_ALLOWED;
 * a query parameter the handler does not take is refused like an unknown body field (400
 * REQUEST.VALIDATION_FAILED): without @Query() every parameter, with @Query('name') any other name, and
 * always a name that is not a plain identifier or reaches a prototype (`__proto__[x]`, `a.b`, `constructor`).
 * The names of a whole-query DTO (@Query() dto) are checked by the validation pipe (forbidNonWhitelisted).
 */
@Injectable()
export class RequestShapeInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<IncomingMessage & { body?: unknown; originalUrl?: string }>();
    const meta = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), ctx.getHandler().name) ?? {}) as Record<
      string,
      { data?: unknown }
    >;
    const ofType = (t: RouteParamtypes): { data?: unknown }[] =>
      Object.entries(meta)
        .filter(([k]) => k.split(':')[0] === String(t))
        .map(([, v]) => v);

    if (
      ofType(RouteParamtypes.BODY).length === 0 &&
      ofType(RouteParamtypes.REQUEST).length === 0 &&
      hasBody(req) &&
      !isEmptyObject(req.body)
    ) {
      throw new BadRequestException({
        code: RequestErrorCodes.bodyNotAllowed,
        message: 'This request takes no body; send it without one.',
      });
    }

    const query = ofType(RouteParamtypes.QUERY);
    const wholeQuery = query.some((q) => q.data === undefined);
    const named = new Set(query.map((q) => q.data).filter((d): d is string => typeof d === 'string'));
    const search = (req.originalUrl ?? req.url ?? '').split('?').slice(1).join('?');
    const refused = [...new Set(new URLSearchParams(search).keys())].filter(
      (key) =>
        !PARAMETER_NAME.test(key) ||
        (FORBIDDEN_KEYS as readonly string[]).includes(key) ||
        (!wholeQuery && !named.has(key)),
    );
    if (refused.length) {
      throw new BadRequestException({
        code: RequestErrorCodes.validationFailed,
        // at most 10 named, so that 1,000 made-up parameters do not come back as a 40 KB answer (trial 7)
        message: [
          ...refused.slice(0, 10).map((k) => `${k.slice(0, 64)} is not a parameter of this request`),
          ...(refused.length > 10
            ? [`and ${refused.length - 10} more parameters that this request does not take`]
            : []),
        ],
      });
    }
    return next.handle();
  }
}

function isEmptyObject(body: unknown): boolean {
  return (
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0)
  );
}
