import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

export const EXAMPLE_CASE_ID = '0197a1c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d';
export const EXAMPLE_HASH = '9f2c4e1b7a3d5c8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70';

const error = (statusCode: number, code: string, message: string) => ({
  schema: { example: { statusCode, code, message } },
});

/** 401/403 of every audit endpoint: a bearer token with the auditor role. */
export function ApiAuditorOnly() {
  return applyDecorators(
    ApiUnauthorizedResponse({
      description: 'AUTH.UNAUTHORIZED — no or invalid token',
      ...error(401, 'AUTH.UNAUTHORIZED', 'Sign in first: send your token as "Authorization: Bearer <token>".'),
    }),
    ApiForbiddenResponse({
      description: 'AUTH.ROLE_NOT_ALLOWED — only auditors (rebuild: operators)',
      ...error(403, 'AUTH.ROLE_NOT_ALLOWED', 'This action needs the role auditor; your token has officer.'),
    }),
  );
}

/** The :linkedCaseId path parameter with its 400 and 404. */
export function ApiLinkedCase() {
  return applyDecorators(
    ApiParam({
      name: 'linkedCaseId',
      description: 'the cross-agency linked-case id (联动案件 id, a UUID)',
      example: EXAMPLE_CASE_ID,
    }),
    ApiBadRequestResponse({
      description: 'AUDIT.BAD_LINKED_CASE_ID — not a UUID',
      ...error(
        400,
        'AUDIT.BAD_LINKED_CASE_ID',
        '"abc" is not a linked-case id (a UUID such as 0197a1c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d).',
      ),
    }),
    ApiNotFoundResponse({
      description:
        'AUDIT.CASE_NOT_FOUND — the ledger holds no event of the case, or none of its agencies lies within your region',
      ...error(404, 'AUDIT.CASE_NOT_FOUND', `The audit ledger holds no event of linked case ${EXAMPLE_CASE_ID}.`),
    }),
  );
}

export const errorExample = error;
