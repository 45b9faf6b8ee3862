export * from './transfer.flow';
export * from './transfer.views';
