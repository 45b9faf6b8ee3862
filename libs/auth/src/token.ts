import { JwtService } from '@nestjs/jwt';
import { buildClaims, type Role } from './claims';

/** Issues a signed token (development tool and tests; production tokens come from the identity provider). */
export function issueToken(input: {
  agencyId: string;
  roles: Role[];
  officerId?: string;
  name?: string;
  secret: string;
  ttl?: string;
}): string {
  const claims = buildClaims(input);
  return new JwtService().sign(
    { ...claims },
    { secret: input.secret, algorithm: 'HS256', expiresIn: (input.ttl ?? '8h') as never },
  );
}
