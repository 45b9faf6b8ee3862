export * from './edc.flow';
export * from './edc.views';
export * from './edc.definition';
