export * from './pil-administrative.flow';
export * from './pil-administrative.views';
export * from './pil-administrative.definition';
