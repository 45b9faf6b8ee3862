/**
 * @casebridge/flows — one home per flow: phases, acts (who, where, what they emit) and the pure views
 * every app, the audit projector and supervision read. Framework-free, no I/O (dependency-cruiser).
 */
export * from './kit';
export * from './transfer';
export * from './prosecution';
