export * from './pil-civil.flow';
export * from './pil-civil.views';
export * from './pil-civil.definition';
