export * from './env';
export * from './http-error.filter';
export * from './validation';
export * from './bootstrap';
export * from './logging';
export * from './database';
export * from './health.module';
export * from './service';
