export * from './notification.entity';
export * from './agency-inbox.consumer';
export * from './agency-inbox.module';
export * from './schema';
