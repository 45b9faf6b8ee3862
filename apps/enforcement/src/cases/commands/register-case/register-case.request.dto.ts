import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { creditCodeProblem } from '@casebridge/contracts';
import { IsInstantWithOffset, IsText, NestedObject } from '@casebridge/platform';

/** A unified social credit code whose check character is right (GB 32100-2015; libs/contracts credit-code.ts). */
function IsCreditCode(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (a: ValidationArguments) => `${a.property} ${creditCodeProblem(a.value) ?? ''}` },
      validator: { validate: (value: unknown) => creditCodeProblem(value) === null },
    });
}

export class PartyDto {
  @ApiProperty({ example: '沈阳某化工有限公司', description: 'name of the party (company or person)' })
  @IsText(200)
  name!: string;
  @ApiProperty({
    example: '91210100MA0Y6J5X2U',
    description: '统一社会信用代码 (GB 32100-2015), 18 characters; its check character is verified',
    minLength: 18,
    maxLength: 18,
    pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
  })
  @IsCreditCode()
  creditCode!: string;
}

export class RegisterCaseRequest {
  @ApiProperty({ example: '辽沈环罚〔2025〕12号', description: 'the agency’s own case number' })
  @IsText(64)
  caseNumber!: string;
  @ApiProperty({ type: PartyDto }) @NestedObject(() => PartyDto) party!: PartyDto;
  @ApiProperty({ example: '通过暗管向河道排放含铬废水', description: 'the suspected violation' })
  @IsText(2000)
  violation!: string;
  @ApiProperty({
    example: '2025-09-20T10:30:00+08:00',
    description: 'when the facts were discovered (ISO-8601 with offset)',
  })
  @IsInstantWithOffset()
  discoveredAt!: string;
}
