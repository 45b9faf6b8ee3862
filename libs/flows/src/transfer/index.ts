export * from './transfer.flow';
export * from './transfer.views';
export * from './transfer.definition';
export * from './transfer.expectations';
