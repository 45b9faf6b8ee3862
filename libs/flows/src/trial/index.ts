export * from './trial.views';
