export * from './filing-supervision.flow';
export * from './filing-supervision.views';
export * from './filing-supervision.definition';
export * from './filing-supervision.expectations';
