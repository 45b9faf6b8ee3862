export * from './consultation.flow';
