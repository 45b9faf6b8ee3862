import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MaterialKind } from '@casebridge/contracts';

export interface CustodyStep {
  at: string;
  by: string;
  action: string;
}

/** One evidence item with its content hash and custody trail (E17 art 6). */
@Entity('evidence')
@Index(['caseId', 'sha256'], { unique: true })
export class Evidence {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) @Index() caseId!: string;
  @Column('varchar', { length: 32 }) kind!: MaterialKind;
  @Column('varchar', { name: 'file_name', length: 255 }) fileName!: string;
  @Column('char', { length: 64 }) sha256!: string;
  @Column('bigint', { name: 'size_bytes', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes!: number;
  @Column('jsonb') custody!: CustodyStep[];
  @Column('timestamptz', { name: 'attached_at' }) attachedAt!: Date;
}
