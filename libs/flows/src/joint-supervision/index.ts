export * from './joint-supervision.flow';
