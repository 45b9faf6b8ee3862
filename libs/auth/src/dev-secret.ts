/**
 * The development signing secret used by `npm start`, the token command and the tests when
 * CASEBRIDGE_JWT_SECRET is not set. Never use it outside a developer machine.
 */
export const DEV_JWT_SECRET = 'casebridge-dev-secret-change-me-0123456789';
