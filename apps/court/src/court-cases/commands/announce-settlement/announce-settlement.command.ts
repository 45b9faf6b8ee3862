import { Command } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import type { OfficerClaims } from '@casebridge/auth';
import { IsText } from '@casebridge/platform';

export class SettlementRequest {
  @ApiProperty({
    example: '被告于 2027 年 6 月 30 日前补植复绿 2 公顷并赔偿生态环境服务功能损失 30 万元',
    description: 'the settlement or mediation agreement as announced',
  })
  @IsText(4000)
  summary!: string;
}

export class AnnounceSettlementCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly courtCaseId: string,
    readonly request: SettlementRequest,
  ) {
    super();
  }
}
