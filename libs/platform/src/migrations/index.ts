export * from './schema-set';
export * from './run-migrations';
