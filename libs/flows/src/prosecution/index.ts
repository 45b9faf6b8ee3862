export * from './prosecution.flow';
export * from './prosecution.views';
