import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnOrGranted, grantedView } from '@casebridge/sharing';
import { TransferCopy } from '../../transfer-copy.entity';
import { GetTransferCopyQuery } from './get-transfer-copy.query';
import { toTransferCopyResponse, type TransferCopyResponse } from './get-transfer-copy.response.dto';

/** The procuratorate's copy of one transfer. @throws DomainError TRANSFER.NOT_FOUND (404) */
@QueryHandler(GetTransferCopyQuery)
export class GetTransferCopyHandler implements IQueryHandler<GetTransferCopyQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, transferId, access }: GetTransferCopyQuery): Promise<TransferCopyResponse> {
    const copy = ensureOwnOrGranted(
      await this.ds.getRepository(TransferCopy).findOneBy({ transferId }),
      officer,
      access,
      {
        code: ErrorCodes.transferNotFound,
        message: `No copy of transfer ${transferId} in your agency.`,
      },
    );
    // a granted reader (another procuratorate the case was shared with) sees the party redacted
    return grantedView(toTransferCopyResponse(copy), access);
  }
}
