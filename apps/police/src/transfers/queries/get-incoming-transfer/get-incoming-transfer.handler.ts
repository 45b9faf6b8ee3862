import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnOrGranted, grantedView, readAgencyOf } from '@casebridge/sharing';
import { IncomingTransfer } from '../../incoming-transfer.entity';
import { GetIncomingTransferQuery } from './get-incoming-transfer.query';
import { toIncomingTransferResponse, type IncomingTransferResponse } from './get-incoming-transfer.response.dto';

/** One transfer sent (or forwarded) to the officer's office. @throws DomainError TRANSFER.NOT_FOUND (404) */
@QueryHandler(GetIncomingTransferQuery)
export class GetIncomingTransferHandler implements IQueryHandler<GetIncomingTransferQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, transferId: id, access }: GetIncomingTransferQuery): Promise<IncomingTransferResponse> {
    const row = ensureOwnOrGranted(
      await this.ds.getRepository(IncomingTransfer).findOneBy({ id, agencyId: readAgencyOf(officer, access) }),
      officer,
      access,
      { code: ErrorCodes.transferNotFound, message: `No transfer ${id} was sent to your office.` },
    );
    // a granted reader (another police office the case was shared with) sees the party redacted
    return grantedView(toIncomingTransferResponse(row), access);
  }
}
