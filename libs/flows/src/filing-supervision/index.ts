export * from './filing-supervision.flow';
export * from './filing-supervision.views';
