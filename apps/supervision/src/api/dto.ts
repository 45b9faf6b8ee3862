import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Matches, ValidateBy } from 'class-validator';
import { IsBoundedInt, IsId, IsInstantWithOffset, IsText, NestedArray, QueryInt } from '@casebridge/platform';
import { AGENCY_KINDS } from '@casebridge/contracts';
import { STEP_STATUSES, type StepStatus } from '../domain/status';
import { STEP_SORTS, STEP_STATES, type StepSort, type StepState } from './step-query';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export const RULE_ID = /^[a-z][a-z-]*(\.[a-z-]+)?$/;

export class ListStepsQuery {
  @ApiPropertyOptional({ example: 'police:210100', description: 'owing agency' })
  @IsOptional()
  @Matches(/^(enforcement|police|procuratorate|court):\d{6}$/, {
    message: 'agency must be an agency id such as police:210100',
  })
  agency?: string;
  @ApiPropertyOptional({ enum: AGENCY_KINDS, example: 'police', description: 'kind of the owing agency' })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: string;
  @ApiPropertyOptional({
    example: '210100',
    description: 'owing agency region (a city code covers its districts, a province code its cities)',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region must be a 6-digit division code' })
  region?: string;
  @ApiPropertyOptional({ example: 'transfer.receipt' })
  @IsOptional()
  @Matches(RULE_ID, { message: 'ruleId must be a rule id such as transfer.receipt' })
  ruleId?: string;
  @ApiPropertyOptional({ example: 'overdue,stuck', description: `comma-separated: ${STEP_STATUSES.join(', ')}` })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(STEP_STATUSES.length)
  @IsIn(STEP_STATUSES, { each: true, message: `status must be among ${STEP_STATUSES.join(', ')}` })
  status?: StepStatus[];
  @ApiPropertyOptional({
    example: true,
    description: 'stuck in the broad sense: overdue, no receipt, or idle past p95',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  stuck?: boolean;
  @ApiPropertyOptional({
    example: 2,
    description: 'overdue steps whose due date is at least N days past (0: every overdue step)',
  })
  @IsOptional()
  @QueryInt(0, 3650)
  overdueByDays?: number;
  @ApiPropertyOptional({
    example: true,
    description: 'transfers waiting on the police receipt (open transfer.receipt steps)',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  waitingOnReceipt?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsId() linkedCaseId?: string;
  @ApiPropertyOptional({ enum: STEP_STATES, default: 'open' }) @IsOptional() @IsIn(STEP_STATES) state?: StepState;
  @ApiPropertyOptional({ enum: STEP_SORTS, default: 'dueAt', description: 'prefix - for descending' })
  @IsOptional()
  @IsIn(STEP_SORTS)
  sort?: StepSort;
  @ApiPropertyOptional({ example: 1, default: 1 }) @IsOptional() @QueryInt(1, 100_000) page?: number;
  @ApiPropertyOptional({ example: 50, default: 50 }) @IsOptional() @QueryInt(1, 200) pageSize?: number;
}

export class PressRequest {
  @ApiProperty({
    example: '请于今日内签收移送回执并告知处理进度。',
    description: 'what the owing office reads in its inbox (1–2000 characters)',
  })
  @Transform(trim)
  @IsText(2000)
  message!: string;
}

export class EscalateRequest {
  @ApiProperty({ example: '逾期三日仍未签收，报请上级督办。' })
  @Transform(trim)
  @IsText(2000)
  message!: string;
  @ApiPropertyOptional({
    example: 'police:210000',
    description:
      'a superior office of the owing office: the same kind at a division above it (county → city → province → national 000000), each level once, only upward; default: one level up',
  })
  @IsOptional()
  @Matches(/^(enforcement|police|procuratorate|court):\d{6}$/, {
    message: 'toLevel must be an agency id such as police:210000',
  })
  toLevel?: string;
}

/**
 * The longest review interval of a joint supervision: six months (P183D, P26W, P6M). The rule `joint-supervision`
 * leaves the interval to each case (policy, E17 arts 29, 31), but a case under joint supervision is reviewed at
 * least twice a year; a longer interval (P999M: 83 years) is a typing error, refused 400 rather than a step due
 * after the case is long closed.
 */
export const JOINT_REVIEW_INTERVAL_MAX: Readonly<Record<'D' | 'W' | 'M', number>> = { D: 183, W: 26, M: 6 };

/** `P<n>D`, `P<n>W` or `P<n>M`, n from 1 up to JOINT_REVIEW_INTERVAL_MAX of its unit. */
export function isReviewInterval(value: unknown): boolean {
  const m = typeof value === 'string' ? /^P([1-9]\d{0,2})([DWM])$/.exec(value) : null;
  return m !== null && Number(m[1]) <= JOINT_REVIEW_INTERVAL_MAX[m[2] as 'D' | 'W' | 'M'];
}

const HOUR_MS = 3_600_000;

/**
 * How far ahead a joint-meeting decision may be due: **policy** default (no article sets it; E17 arts 29, 31 leave the
 * review to the supervisors): 3 years, longer than any statutory period a linked case runs through, so a typo such as
 * 9999 is refused instead of becoming a step no calendar can count.
 */
export const JOINT_DECISION_MAX_AHEAD_MS = 3 * 366 * 24 * 3_600_000;

/**
 * A joint-meeting decision's due instant: later than now (a due date in the past is refused 400), at most
 * JOINT_DECISION_MAX_AHEAD_MS ahead, and on the whole hour (e.g. 17:00: the hour periods of legal-time end on whole
 * hours, so the step is due exactly at the instant given, never recounted to the next hour).
 */
export function isDecisionDue(value: unknown, now = Date.now()): boolean {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(at) && at > now && at <= now + JOINT_DECISION_MAX_AHEAD_MS && at % HOUR_MS === 0;
}

export class JointListRequest {
  @ApiProperty({
    example: 'P14D',
    description:
      'review interval (joint-supervision, set per case): ISO 8601 days, weeks or months, e.g. P14D, P2W, P1M; at most six months (P183D, P26W, P6M)',
  })
  @ValidateBy({
    name: 'isReviewInterval',
    validator: {
      validate: (v: unknown) => isReviewInterval(v),
      defaultMessage: () => 'reviewInterval must be like P14D, P2W or P1M, at most six months (P183D, P26W, P6M)',
    },
  })
  reviewInterval!: string;
  @ApiProperty({ example: '跨区域重大污染环境案件，列入联合督办。' })
  @Transform(trim)
  @IsText(2000)
  reason!: string;
  @ApiPropertyOptional({
    example: ['police:210100', 'procuratorate:210100', 'enforcement:210100'],
    maxItems: 20,
    description:
      'the participating agencies: each reports its progress every review interval (none: the listing alone, no reports owed)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^(enforcement|police|procuratorate):\d{6}$/, {
    each: true,
    message: 'each participant must be an agency id such as police:210100 (enforcement, police or procuratorate)',
  })
  participants?: string[];
}

/** A step id path parameter, `<subjectId>/<ruleId>` (e.g. 0190f7a2-…/transfer.receipt); anything else 400 before the database. */
/**
 * A step id as the workflows write it (workflows/src/shared/step-book.ts): `<subjectId>/<ruleId>[@<key>][#<round>]` —
 * a keyed step (one per recipient, question or decision) carries `@<key>`, a later round of a rule (a forwarded
 * transfer's new receipt) `#<round>`.
 */
export const STEP_ID =
  /^[A-Za-z0-9:._-]{1,100}\/[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(@[A-Za-z0-9:._-]{1,100})?(#[1-9][0-9]{0,3})?$/;
@Injectable()
export class StepIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 200 || !STEP_ID.test(value)) {
      throw new BadRequestException({
        code: 'REQUEST.VALIDATION_FAILED',
        message:
          'stepId must be a step id such as 0190f7a2-5b0e-7c4a-9b3e-1f2a3b4c5d6e/transfer.receipt (subject id / rule id, then @key for a keyed step and #round for a later round, e.g. …/transfer.receipt#2)',
      });
    }
    return value;
  }
}

export class ReconciliationQuery {
  @ApiPropertyOptional({
    example: 60,
    description:
      'orphans: only events received at least this many seconds ago (default SUPERVISION_ORPHAN_GRACE_SECONDS)',
  })
  @IsOptional()
  @QueryInt(0, 86_400)
  graceSeconds?: number;
}

/** A decision of a joint meeting: what, which agency owns it, by when. */
export class JointDecisionDto {
  @ApiProperty({ example: '公安机关于10月10日前完成补充鉴定。', maxLength: 2000 })
  @Transform(trim)
  @IsText(2000)
  text!: string;
  @ApiProperty({ example: 'police:210100', description: 'the agency that owns the decision' })
  @Matches(/^(enforcement|police|procuratorate):\d{6}$/, {
    message: 'ownerAgencyId must be an agency id such as police:210100 (enforcement, police or procuratorate)',
  })
  ownerAgencyId!: string;
  @ApiProperty({
    example: '2027-01-10T17:00:00+08:00',
    description:
      'ISO-8601 instant with offset, later than now and on the whole hour; the decision step is due exactly then',
  })
  @IsInstantWithOffset()
  @ValidateBy({
    name: 'isDecisionDue',
    validator: {
      validate: (v: unknown) => isDecisionDue(v),
      defaultMessage: () =>
        'dueAt must lie in the future (at most 3 years ahead) and on the whole hour, such as 2027-01-10T17:00:00+08:00',
    },
  })
  dueAt!: string;
}

export class JointMeetingRequest {
  @ApiProperty({ example: '联席会议：公安机关汇报侦查进展，检察机关提出取证意见。', maxLength: 20000 })
  @Transform(trim)
  @IsText(20000)
  minutes!: string;
  @ApiProperty({
    type: [JointDecisionDto],
    minItems: 1,
    maxItems: 50,
    description: 'what the meeting decided (议定事项)',
  })
  @NestedArray(() => JointDecisionDto, {
    min: 1,
    max: 50,
    minMessage: 'decisions must list at least one decision of the meeting (its owner and due date)',
  })
  decisions!: JointDecisionDto[];
  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    maximum: 1000,
    description:
      'the review round this meeting closes (the current one); when given, a meeting of another round is refused (409 CASE.JOINT_ROUND_NOT_CURRENT)',
  })
  @IsOptional()
  @IsBoundedInt(1, 1000)
  round?: number;
}
