import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { defineEvent } from '../registry';
import { AGENCY_ID_MESSAGE, AGENCY_ID_REGEX } from './common';

/** A supervisor pressed (催办) the owing agency of an open step. */
export class SupervisionPressedV1 {
  @IsString() @MaxLength(200) stepId!: string;
  @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) owingAgencyId!: string;
  @IsString() @MinLength(1) @MaxLength(2000) message!: string;
}
export const SupervisionPressedVersion1 = defineEvent({
  type: 'supervision.pressed',
  version: 1,
  payload: SupervisionPressedV1,
  producers: ['supervision'],
  description: 'v1 (superseded): 催办: appears in the owing agency inbox and the case history.',
});

/**
 * v2 names the pressing office: the supervisor's own agency (their token's agency id), so the pressed office
 * knows who is pressing it. A v1 named none (absent after upcasting: "a supervisor").
 */
export class SupervisionPressedV2 extends SupervisionPressedV1 {
  @IsOptional() @Matches(AGENCY_ID_REGEX, { message: AGENCY_ID_MESSAGE }) pressingAgencyId?: string;
}
export const SupervisionPressed = defineEvent<SupervisionPressedV2>({
  type: 'supervision.pressed',
  version: 2,
  payload: SupervisionPressedV2,
  producers: ['supervision'],
  description: '催办 by a supervising office: appears in the owing agency inbox and the case history.',
  upcastFrom: (v1) => ({
    stepId: String(v1.stepId),
    owingAgencyId: String(v1.owingAgencyId),
    message: String(v1.message),
  }),
});

export class SupervisionEscalatedV1 {
  @IsOptional() @IsString() @MaxLength(200) stepId?: string;
  @IsString() @MaxLength(64) toLevel!: string;
  @IsString() @MinLength(1) @MaxLength(2000) message!: string;
}
export const SupervisionEscalated = defineEvent({
  type: 'supervision.escalated',
  version: 1,
  payload: SupervisionEscalatedV1,
  producers: ['supervision'],
  description: 'Escalated to the level above.',
});

export class SupervisionJointListedV1 {
  @IsString() @MaxLength(64) reviewInterval!: string;
  @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}
export const SupervisionJointListedVersion1 = defineEvent({
  type: 'supervision.joint-listed',
  version: 1,
  payload: SupervisionJointListedV1,
  producers: ['supervision'],
  description: 'v1 (superseded by v2 naming the participants): 联合督办, a major case listed for joint supervision.',
});

export const SUPERVISION_EVENTS = [
  SupervisionPressedVersion1,
  SupervisionPressed,
  SupervisionEscalated,
  SupervisionJointListedVersion1,
];
