import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { IsText } from '@casebridge/platform';

export class TeamReportRequest {
  @ApiProperty({
    example: ['officer-zhang', 'officer-li'],
    description: 'the case team: at least two officers (R310 art 5(1))',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'the case team needs at least two officers (R310 art 5(1))' })
  @ArrayMaxSize(20)
  @IsText(128, { each: true })
  teamOfficerIds!: string[];
  @ApiProperty({ example: '经调查，涉嫌污染环境罪，建议移送公安机关' }) @IsText(4000) summary!: string;
}
