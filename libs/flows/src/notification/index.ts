export * from './notification.flow';
