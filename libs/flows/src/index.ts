/**
 * @casebridge/flows — one home per flow: phases, acts (who, where, what they emit) and the pure views
 * every app, the audit projector and supervision read. Framework-free, no I/O (dependency-cruiser).
 * The flows are listed in `registry.ts` (FLOWS): what a generic reader (audit, supervision) needs of each.
 */
export * from './kit';
export * from './transfer';
export * from './prosecution';
export * from './filing-supervision';
export * from './registry';
export * from './notification';
export * from './consultation';
export * from './joint-supervision';
export * from './pil-administrative';
export * from './pil-civil';
export * from './edc';
export * from './trial';
