export * from './edc.flow';
export * from './edc.views';
