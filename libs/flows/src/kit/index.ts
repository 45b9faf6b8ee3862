export * from './acts';
export * from './flow-event';
export * from './later-act-wins';
export * from './flow-definition';
export * from './expectations';
