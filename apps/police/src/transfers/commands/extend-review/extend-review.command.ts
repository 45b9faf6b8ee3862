import { Command } from '@nestjs/cqrs';
import type { OfficerClaims } from '@casebridge/auth';
import { ExtendReviewRequest } from './extend-review.request.dto';

export class ExtendReviewCommand extends Command<void> {
  constructor(
    readonly officer: OfficerClaims,
    readonly transferId: string,
    readonly request: ExtendReviewRequest,
  ) {
    super();
  }
}
