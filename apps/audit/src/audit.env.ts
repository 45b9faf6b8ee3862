import { IsInt, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { BaseEnv } from '@casebridge/platform';

export const DEFAULT_AUDIT_KEY_FILE = '.infra/keys/audit-ed25519.pem';

export class AuditEnv extends BaseEnv {
  @IsInt() @Min(1) @Max(65535) PORT: number = 3006;

  /**
   * The audit service's Ed25519 signing key, PKCS8 PEM ("\n" may be written as the two characters \n).
   * Required when NODE_ENV=production; otherwise the key file is used (generated on first start).
   */
  @ValidateIf((o: AuditEnv) => o.NODE_ENV === 'production' || !!o.CASEBRIDGE_AUDIT_SIGNING_KEY)
  @Matches(/-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/, {
    message:
      'CASEBRIDGE_AUDIT_SIGNING_KEY must be an Ed25519 private key in PKCS8 PEM (-----BEGIN PRIVATE KEY----- …); it is required when NODE_ENV=production',
  })
  CASEBRIDGE_AUDIT_SIGNING_KEY: string = '';

  /** Key file used outside production when CASEBRIDGE_AUDIT_SIGNING_KEY is not set; generated (0600) on first start. */
  @IsString() @MinLength(1) CASEBRIDGE_AUDIT_KEY_FILE: string = DEFAULT_AUDIT_KEY_FILE;

  /**
   * Public keys of earlier signing keys (PEM blocks), written by `audit rotate-key`: checkpoints and exports they
   * signed keep verifying. Default: audit-public-keys.pem beside CASEBRIDGE_AUDIT_KEY_FILE.
   */
  @ValidateIf((o: AuditEnv) => o.CASEBRIDGE_AUDIT_KEYRING_FILE !== '')
  @IsString()
  CASEBRIDGE_AUDIT_KEYRING_FILE: string = '';

  /** How often the heads that moved are signed (global checkpoint + one per changed case). */
  @IsInt() @Min(200) @Max(86_400_000) CASEBRIDGE_AUDIT_CHECKPOINT_INTERVAL_MS: number = 60_000;

  /** A case checkpoint is also signed in the append transaction every N entries of a case. */
  @IsInt() @Min(1) @Max(1_000_000) CASEBRIDGE_AUDIT_CHECKPOINT_EVERY: number = 1000;
}
