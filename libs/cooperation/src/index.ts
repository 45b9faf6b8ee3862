export * from './cooperation-record.entity';
export * from './cooperation.records';
export * from './cooperation.consumer';
export * from './cooperation.module';
export * from './schema';
