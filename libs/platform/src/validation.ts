import {
  applyDecorators,
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  isISO8601,
  IsObject,
  IsString,
  IsUUID,
  isUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { parseInstant } from '@casebridge/legal-time';
import { BODY_NOT_AN_OBJECT, isJsonObject, RequestErrorCodes } from './http-hardening';

/**
 * Request validation, project-wide: unknown fields refused, types converted, and ONE message per field in
 * a case officer's words (a missing field: "… is required"; a wrong type: what it must be; otherwise the
 * first rule it breaks). The decorators below are the only way DTOs take ids, instants, nested objects,
 * nested lists and numbers, so every request DTO gets the same checks.
 */

/** Checks that decide what kind of value a field holds: reported before any other rule of that field. */
const TYPE_CHECKS = [
  'whitelistValidation',
  'isDefined',
  'isArray',
  'isObject',
  'nestedValidation',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isUuid',
  'isInstantWithOffset',
  'isIn',
  'isEnum',
  'isNotBlank',
];

/** class-validator's default phrases, said the way an officer would read them. */
const PLAIN_WORDS: [RegExp, string][] = [
  [/^property (\S+) should not exist$/, '$1 is not a field of this request'],
  [/ must be a string$/, ' must be text'],
  [/ must be an integer number$/, ' must be a whole number'],
  [/ must be a number conforming to the specified constraints$/, ' must be a number'],
  [/ must be a boolean value$/, ' must be true or false'],
  [/ must be an array$/, ' must be a list'],
  [/ must be an object$/, ' must be an object (a set of named fields)'],
  [/ must be longer than or equal to 1 characters$/, ' must not be empty'],
  [/ must be longer than or equal to (\d+) characters$/, ' must be at least $1 characters long'],
  [/ must be shorter than or equal to (\d+) characters$/, ' must be at most $1 characters long'],
  [/ must contain at least (\d+) elements$/, ' must list at least $1 item(s)'],
  [/ must contain no more than (\d+) elements$/, ' must list at most $1 items'],
  [/ must not be less than (-?[\d.e+]+)$/, ' must be at least $1'],
  [/ must not be greater than (-?[\d.e+]+)$/, ' must be at most $1'],
  [/ must be a UUID$/, ' must be an id (a UUID such as 0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01)'],
  [/^nested property (\S+) must be either object or array$/, '$1 must be an object (a set of named fields)'],
  [/ must be one of the following values: (.*)$/, ' must be one of: $1'],
  [
    /^an unknown value was passed to the validate function$/,
    'the request body must be a JSON object with the fields of this request',
  ],
];

function plain(message: string): string {
  return PLAIN_WORDS.reduce((m, [re, to]) => m.replace(re, to), message);
}

/** The one message of a failed field, with its path (e.g. materials.2.kind). */
export function fieldMessage(e: ValidationError, path: string): string {
  const constraints = e.constraints ?? {};
  const names = Object.keys(constraints);
  const missing = e.value === undefined || e.value === null;
  let message: string;
  if (missing && !names.includes('whitelistValidation')) {
    const said = constraints.isDefined ?? Object.values(constraints).find((m) => /required/i.test(m));
    message = said ?? `${e.property} is required`;
  } else {
    const name = TYPE_CHECKS.find((n) => names.includes(n)) ?? names[0];
    message = plain(constraints[name]);
  }
  // messages name the field itself; show where it sits in the body
  if (path === e.property) return message;
  return message.startsWith(e.property) ? path + message.slice(e.property.length) : `${path}: ${message}`;
}

/** One message per failed field, depth first: a field whose own value is wrong does not also list its children. */
export function validationMessages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints && Object.keys(e.constraints).length ? [fieldMessage(e, path)] : [];
    return own.length ? own : validationMessages(e.children ?? [], path);
  });
}

/**
 * The project-wide pipe: a body is a JSON object (else 400 BODY_NOT_AN_OBJECT: `null` was MALFORMED_JSON and `[1,2]`
 * "0 is not a field of this request"),
 * unknown fields are refused, types converted, one message per field.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // the whole body (@Body(), not @Body('field')) of any route: an object, whatever the DTO
    if (metadata.type === 'body' && metadata.data === undefined && !isJsonObject(value))
      throw new BadRequestException({ code: RequestErrorCodes.validationFailed, message: [BODY_NOT_AN_OBJECT] });
    // an id in the path (`/decisions/FF5B…/entry`) in its one spelling, as IsId does for bodies and queries
    if (metadata.type === 'param' && typeof value === 'string' && isUUID(value)) return value.toLowerCase();
    return super.transform(value, metadata);
  }
}

/** The project-wide pipe (RequestValidationPipe): unknown fields are refused, types converted, one message per field. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({ code: 'REQUEST.VALIDATION_FAILED', message: validationMessages(errors) }),
  });
}

// ---------------------------------------------------------------- decorators every DTO uses

const EXAMPLE_ID = '0b6b1d2e-7f3a-4c1e-9d2b-5a6c7d8e9f01';

/** A UUID in its one spelling (lower case, RFC 9562 §4), other values as they are: each item of a list too. */
function lowerCaseId(value: unknown): unknown {
  if (typeof value === 'string' && isUUID(value)) return value.toLowerCase();
  return Array.isArray(value) ? value.map(lowerCaseId) : value;
}

/**
 * An id (UUID, any version), checked here before any query reaches PostgreSQL, and taken in lower case: PostgreSQL
 * compares uuids whatever their case, but the workflows key steps by the id's text, so `FF5B…` and `ff5b…` were two
 * steps of one decision (trial 7). Path ids get the same treatment in the validation pipe.
 */
export function IsId(options: ValidationOptions = {}): PropertyDecorator {
  const lower = Transform(({ value }) => lowerCaseId(value));
  const check = IsUUID('all', {
    message: (a: ValidationArguments) =>
      `${a.property} must be an id (a UUID such as ${EXAMPLE_ID})${options.each ? ' for every item' : ''}`,
    ...options,
  });
  return (target: object, property: string | symbol) => {
    lower(target, property);
    check(target, property);
  };
}

/** Clock skew allowed between an officer's device and the server for `notInFuture` instants: 60 s. */
export const INSTANT_FUTURE_SKEW_MS = 60_000;

/**
 * An instant: ISO-8601 date-time WITH its offset ('Z' or ±HH:MM), e.g. 2025-09-20T10:30:00+08:00; a date alone,
 * a local time, a day that does not exist or a year before 1900 is refused, and so is the offset `-00:00`
 * (RFC 3339 §4.3: "local offset unknown", which is no offset). At least as strict as the event contracts'
 * `@IsISO8601({ strict: true })` the value is carried into (checked too), so a request that passes never fails
 * at the event (attack #4: `0000-01-01T00:00:00Z` was a 500).
 *
 * `notInFuture`: the instant records something that happened (a custody step, a discovery), so one later than
 * now (+ INSTANT_FUTURE_SKEW_MS) is refused with its own message.
 */
export function IsInstantWithOffset(options: ValidationOptions & { notInFuture?: boolean } = {}): PropertyDecorator {
  const { notInFuture, ...validationOptions } = options;
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstantWithOffset',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (a: ValidationArguments) =>
          notInFuture && isInstant(a.value)
            ? `${a.property} lies in the future; enter when it actually happened`
            : `${a.property} must be a date and time with its offset, such as 2025-09-20T10:30:00+08:00`,
        ...validationOptions,
      },
      validator: {
        validate(value: unknown): boolean {
          if (!isInstant(value)) return false;
          return !notInFuture || Date.parse(value) <= Date.now() + INSTANT_FUTURE_SKEW_MS;
        },
      },
    });
}

function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 40 || value.endsWith('-00:00')) return false;
  try {
    parseInstant(value);
    return isISO8601(value, { strict: true });
  } catch {
    return false;
  }
}

/**
 * A calendar day, `YYYY-MM-DD` (Asia/Shanghai days: the last day of an order, a period), that exists: 2027-02-30 and
 * 2027-13-01 are refused, and so is a year before 1900. A day, not an instant: no time, no offset.
 */
export function IsCalendarDay(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (a: ValidationArguments) => `${a.property} must be a day that exists, such as 2027-06-30 (YYYY-MM-DD)`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const [y, m, d] = value.split('-').map(Number) as [number, number, number];
          const day = new Date(Date.UTC(y, m - 1, d));
          return y >= 1900 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
        },
      },
    });
}

/**
 * What does not show on a page: white space and the invisible format characters (zero-width space, non-joiner and
 * joiner, word joiner, byte-order mark, soft hyphen, Mongolian vowel separator) and the bidirectional controls. Text
 * made only of these is blank.
 */
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200d\u2060\ufeff\p{Bidi_Control}]/gu;

/**
 * Text an officer types (a case number, a name, reasons, a note…): 1…`max` characters and not blank — text of
 * spaces, tabs or line breaks alone is no case number, no name and no reason ("… must not be empty"); no
 * text-direction control (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and no zero-width character (U+200B–U+200D, U+2060,
 * U+FEFF) anywhere in it. Chinese text, line breaks and tabs are taken. With `{ each: true }`: every item of a list.
 */
export function IsText(max: number, options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  const empty = (a: ValidationArguments) =>
    each ? `every item of ${a.property} must be text that is not empty` : `${a.property} must not be empty`;
  const notBlank: PropertyDecorator = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBlank',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { each, message: empty },
      validator: { validate: (value: unknown) => typeof value !== 'string' || value.replace(INVISIBLE, '').length > 0 },
    });
  const noDirectionControls: PropertyDecorator = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasNoDirectionControls',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        each,
        message: (a: ValidationArguments) =>
          `${a.property} contains a text-direction control character (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that makes the text read differently to others; remove it`,
      },
      // text made only of invisible characters is blank: isNotBlank says so (one message per field)
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !DIRECTION_CONTROLS.test(value) || value.replace(INVISIBLE, '').length === 0,
      },
    });
  const noZeroWidth: PropertyDecorator = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasNoZeroWidthCharacters',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        each,
        message: (a: ValidationArguments) =>
          `${a.property} contains an invisible zero-width character (U+200B–U+200D, U+2060, U+FEFF) that others cannot see; remove it`,
      },
      // text made only of invisible characters is blank: isNotBlank says so (one message per field)
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !ZERO_WIDTH.test(value) || value.replace(INVISIBLE, '').length === 0,
      },
    });
  return applyDecorators(
    IsString({ each }),
    MinLength(1, { each, message: empty }),
    notBlank,
    noDirectionControls,
    noZeroWidth,
    MaxLength(max, { each }),
  );
}

/**
 * Zero-width characters (space, non-joiner, joiner, word joiner, byte-order mark): invisible, so two texts that read
 * the same differ (a case number, a name that no longer matches a search), and a word can hide inside another. Chinese
 * and Latin text never needs them; line breaks, tabs and ordinary spaces are not among them.
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;

/**
 * Unicode's Bidi_Control characters (UAX #9): the embedding, override and isolate controls and the implicit marks
 * (U+061C arabic letter mark, U+200E/U+200F left-to-right and right-to-left marks). Text shown to another agency must
 * read as it was typed ("Trojan Source", CVE-2021-42574), and a mark alone is invisible. Chinese and Latin text never
 * needs them.
 */
const DIRECTION_CONTROLS = /\p{Bidi_Control}/u;

/**
 * A field required only in some cases (e.g. reasons when refusing): then missing says `message`; whenever
 * it is present it is checked like any field (a bare ValidateIf would let `reasons: 12345` through when not required).
 */
export function RequiredWhen<T>(required: (o: T) => boolean, message: string): PropertyDecorator {
  return applyDecorators(
    ValidateIf((o: T, value: unknown) => required(o) || value !== undefined),
    IsDefined({ message }),
  );
}

/**
 * A field that must be left out in some cases (e.g. a target office when returning a transfer to its sender):
 * present there, it is refused with `message` rather than silently ignored.
 */
export function AbsentWhen<T>(absent: (o: T) => boolean, message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'absentWhen',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => value === undefined || !absent(args.object as T),
      },
    });
}

/**
 * A whole number within [min, max] (every number a request takes has bounds), documented as such in OpenAPI
 * (`type: integer`, `minimum`, `maximum` — the field's own @ApiProperty adds its example and description), so /docs
 * says what is checked. A fraction is refused with "<field> must be a whole number from <min> to <max>".
 */
export function IsBoundedInt(
  min: number,
  max: number,
  options: ValidationOptions & { unit?: string } = {},
): PropertyDecorator {
  const { unit, ...validationOptions } = options;
  const said = (a: ValidationArguments) =>
    `${a.property} must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}`;
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: min, maximum: max }),
    IsInt({ message: said, ...validationOptions }),
    Min(min, validationOptions),
    Max(max, validationOptions),
  );
}

/**
 * A whole number within [min, max] taken from a query string: decimal digits only (Number() would also read
 * 0x10, 1e3, 0b1 or ' 7'); anything else stays text and is refused as not a whole number. Every numeric
 * query parameter uses it.
 */
export function QueryInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value) ? Number(value) : value,
    ),
    IsBoundedInt(min, max),
  );
}

/** One nested object of class `cls` (not a list, not null, not a string). */
export function NestedObject(cls: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsObject({ message: (a: ValidationArguments) => `${a.property} must be an object (a set of named fields)` }),
    ValidateNested(),
    Type(cls),
  );
}

/** A list of `min`…`max` objects of class `cls`; every item must itself be an object (no [], [[…]], null or text items). */
export function NestedArray(
  cls: () => new () => object,
  bounds: { min: number; max: number; minMessage?: string },
): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: (a: ValidationArguments) => `${a.property} must be a list` }),
    ArrayMinSize(bounds.min, bounds.minMessage ? { message: bounds.minMessage } : {}),
    ArrayMaxSize(bounds.max),
    IsObject({
      each: true,
      message: (a: ValidationArguments) => `every item of ${a.property} must be an object (a set of named fields)`,
    }),
    ValidateNested({ each: true }),
    Type(cls),
  );
}

/** A list of `min`…`max` plain values (the item rules are the caller's, with { each: true }). */
export function BoundedArray(min: number, max: number, minMessage?: string): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: (a: ValidationArguments) => `${a.property} must be a list` }),
    ArrayMinSize(min, minMessage ? { message: minMessage } : {}),
    ArrayMaxSize(max),
  );
}
