export * from './joint-supervision.flow';
export * from './joint-supervision.definition';
