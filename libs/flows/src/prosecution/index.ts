export * from './prosecution.flow';
export * from './prosecution.views';
export * from './prosecution.definition';
export * from './prosecution.redaction';
