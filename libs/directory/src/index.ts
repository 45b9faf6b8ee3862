export * from './agency-directory';
export * from './event-sentences';
export * from './time-format';
export * from './owner-names';
export * from './court-for';
