export * from './claims';
export * from './decorators';
export * from './jwt-auth.guard';
export * from './auth.module';
export * from './token';
export * from './dev-secret';
export * from './scope';
export * from './access-rule.check';

