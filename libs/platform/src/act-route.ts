import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
} from '@nestjs/swagger';

/** What one act adds to its controller's refusals (each appended to the default description). */
export interface ActRouteOptions {
  /** more 409 codes, e.g. 'PIL.WAITING_FOR_CONSULTATION' */
  conflicts?: string;
  /** more 404 codes, e.g. 'AGENCY.OUTSIDE_JURISDICTION — the court' */
  notFound?: string;
  /** the act's 400 codes, e.g. 'PIL.NOT_THE_NEXT_LEVEL — the procuratorate named is not above yours' */
  invalid?: string;
}

/**
 * The decorator of a controller's acts on one record (like the court's CourtAct): `POST :<param>/<path>` answering
 * 204, with its summary and refusals (409 `conflict`, 404 `notFound`, 400 when the act names its codes) in the
 * OpenAPI document. Roles stay on the method (@Roles('head')); the route's body and param pipes stay in the handler.
 *
 *   const PilAct = actRoute('pilCaseId', { conflict: OUT_OF_ORDER, notFound: NOT_FOUND });
 *   @PilAct('investigation', 'Record the findings of the investigation (调查核实)')
 */
export function actRoute(
  param: string,
  refusals: { conflict: string; notFound: string },
): (path: string, summary: string, more?: ActRouteOptions) => MethodDecorator {
  return (path, summary, more = {}) =>
    applyDecorators(
      Post(`:${param}/${path}`),
      HttpCode(204),
      ApiOperation({ summary }),
      ApiNoContentResponse(),
      ApiConflictResponse({
        description: more.conflicts ? `${refusals.conflict}; ${more.conflicts}` : refusals.conflict,
      }),
      ApiNotFoundResponse({
        description: more.notFound ? `${refusals.notFound}; ${more.notFound}` : refusals.notFound,
      }),
      ...(more.invalid ? [ApiBadRequestResponse({ description: more.invalid })] : []),
    );
}
