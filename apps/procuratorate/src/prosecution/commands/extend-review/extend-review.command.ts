import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import type { ExtendProsecutionReviewRequest } from './extend-review.request';

export class ExtendProsecutionReviewCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly prosecutionId: string,
    readonly request: ExtendProsecutionReviewRequest,
  ) {
    super();
  }
}
