import { DomainError } from '@casebridge/contracts';
import { errorMessage, isInfrastructureError, isNonRetryable, isTransientConflict, NonRetryableError } from './errors';

describe('error classification', () => {
  it('recognises database and network outages (never dead-lettered)', () => {
    expect(
      isInfrastructureError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isInfrastructureError(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(isInfrastructureError(Object.assign(new Error('query failed'), { driverError: { code: '08006' } }))).toBe(
      true,
    );
    expect(isInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('does not mistake bad data or business refusals for outages', () => {
    expect(isInfrastructureError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isInfrastructureError(new DomainError('TRANSFER.OUT_OF_ORDER', 'conflict', 'out of order'))).toBe(false);
    expect(isInfrastructureError(new Error('boom'))).toBe(false);
    expect(isInfrastructureError(undefined)).toBe(false);
  });

  it('recognises deadlocks and serialization failures (retried, never dead-lettered), also wrapped by TypeORM', () => {
    expect(isTransientConflict(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
    expect(isTransientConflict(Object.assign(new Error('query failed'), { driverError: { code: '40001' } }))).toBe(
      true,
    );
    expect(isTransientConflict(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isTransientConflict(undefined)).toBe(false);
  });

  it('NonRetryableError is recognised, also by name across module copies', () => {
    expect(isNonRetryable(new NonRetryableError('no'))).toBe(true);
    expect(isNonRetryable(Object.assign(new Error('no'), { name: 'NonRetryableError' }))).toBe(true);
    expect(isNonRetryable(new Error('maybe'))).toBe(false);
  });

  it('messages keep stable error codes', () => {
    expect(errorMessage(new DomainError('TRANSFER.OUT_OF_ORDER', 'conflict', 'out of order'))).toBe(
      'DomainError [TRANSFER.OUT_OF_ORDER]: out of order',
    );
    expect(errorMessage('plain')).toBe('plain');
  });
});
