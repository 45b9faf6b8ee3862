import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Material categories a transfer must carry (E17 art 6; flows.md §1 step 3). */
export const MATERIAL_KINDS = [
  'transfer-letter', // 移送书 with materials list
  'investigation-report', // 调查报告
  'inspection-record', // 勘验/检查/询问笔录、现场图、采样记录
  'seized-items-list', // 涉案物品清单及查封扣押文书
  'audiovisual', // 照片、录音、录像及索引
  'monitoring-report', // 监测/检测报告、鉴定意见
  'penalty-decision', // 行政处罚决定书（如有）
  'other',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** Criminal-threshold facts of 法释〔2023〕7号 art 1 (criminal-thresholds.md, ids t1..t11). */
export const THRESHOLD_FACTS = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11'] as const;
export type ThresholdFact = (typeof THRESHOLD_FACTS)[number];

export const AGENCY_ID_REGEX = /^(enforcement|police|procuratorate|court):\d{6}$/;
export const AGENCY_ID_MESSAGE = 'must be an agency id like police:210100 (kind:region code)';

export class MaterialItem {
  @IsIn(MATERIAL_KINDS) kind!: MaterialKind;
  @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @IsOptional() @IsString() @MaxLength(64) evidenceId?: string;
  @IsOptional() @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' }) sha256?: string;
}

/**
 * The kinds the police asked for (transfer.materials-requested) that a supplement's items leave missing;
 * transfer.materials-supplement is met once none is left (GA art 180; E17 art 8).
 */
export function stillMissing<K extends string>(missing: readonly K[], items: readonly { kind: string }[]): K[] {
  return missing.filter((k) => !items.some((i) => i.kind === k));
}

export class PartyRef {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  /** 统一社会信用代码 (18 characters). */
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: 'creditCode must be an 18-character unified social credit code',
  })
  creditCode!: string;
}

export class CustodyEntry {
  @IsISO8601({ strict: true }) at!: string;
  @IsString() @MaxLength(128) by!: string;
  @IsString() @MaxLength(200) action!: string;
}

export class MaterialsList {
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => MaterialItem) items!: MaterialItem[];
}
