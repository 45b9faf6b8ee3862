export * from './inbox-item.entity';
export * from './inbox-view';
export * from './inbox-retention';
export * from './agency-inbox.consumer';
export * from './agency-inbox.module';
export * from './schema';
