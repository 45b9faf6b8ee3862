import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AccessRuleCheck } from './access-rule.check';
import { JwtModule } from '@nestjs/jwt';
import { AUTH_OPTIONS, JwtAuthGuard, type AuthOptions } from './jwt-auth.guard';

/**
 * JWT bearer authentication for an HTTP app: a global guard and deny by default — every route states
 * @Roles(...) or @Public(), checked at start-up (AccessRuleCheck).
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
      imports: [...(opts.imports ?? []), JwtModule.register({}), DiscoveryModule],
      providers: [
        { provide: AUTH_OPTIONS, inject: (opts.inject ?? []) as never[], useFactory: opts.useFactory },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        AccessRuleCheck,
      ],
      exports: [AUTH_OPTIONS],
    };
  }
}
