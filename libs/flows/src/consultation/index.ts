export * from './consultation.flow';
export * from './consultation.definition';
