import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AccessRuleCheck } from './access-rule.check';
import { AUTH_OPTIONS, JwtAuthGuard, TOKEN_VERIFIER, type AuthOptions } from './jwt-auth.guard';
import { createTokenVerifier } from './oidc/token-verifier';

/**
 * JWT bearer authentication for an HTTP app: a global guard and deny by default — every route states
 * @Roles(...) or @Public(), checked at start-up (AccessRuleCheck). Tokens are verified by the TokenVerifier
 * (OIDC issuer's JWKS when configured, else the HS256 development secret).
 */
@Module({})
export class AuthModule {
  static forRootAsync(opts: {
    imports?: ModuleMetadata['imports'];
    inject?: unknown[];
    useFactory: (...args: never[]) => AuthOptions | Promise<AuthOptions>;
  }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [...(opts.imports ?? []), DiscoveryModule],
      providers: [
        { provide: AUTH_OPTIONS, inject: (opts.inject ?? []) as never[], useFactory: opts.useFactory },
        { provide: TOKEN_VERIFIER, inject: [AUTH_OPTIONS], useFactory: (o: AuthOptions) => createTokenVerifier(o) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        AccessRuleCheck,
      ],
      exports: [AUTH_OPTIONS, TOKEN_VERIFIER],
    };
  }
}
