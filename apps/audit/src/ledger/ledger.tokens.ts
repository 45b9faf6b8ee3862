/** The audit database as a SqlDatabase (shared ledger code runs on it and on node-postgres alike). */
export const AUDIT_DB = Symbol('casebridge:audit-db');
/** The audit service's CheckpointSigner (Ed25519). */
export const CHECKPOINT_SIGNER = Symbol('casebridge:audit-signer');
/** Every public key the audit service verifies with (KeyObject[]): its signing key and the keyring of earlier keys. */
export const TRUSTED_PUBLIC_KEYS = Symbol('casebridge:audit-trusted-keys');
