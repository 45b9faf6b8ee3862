export * from './notification.flow';
export * from './notification.definition';
