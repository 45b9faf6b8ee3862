import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnAgency } from '@casebridge/auth';
import { IncomingTransfer } from '../../incoming-transfer.entity';
import { GetIncomingTransferQuery } from './get-incoming-transfer.query';
import { toIncomingTransferResponse, type IncomingTransferResponse } from './get-incoming-transfer.response.dto';

/** One transfer sent (or forwarded) to the officer's office. @throws DomainError TRANSFER.NOT_FOUND (404) */
@QueryHandler(GetIncomingTransferQuery)
export class GetIncomingTransferHandler implements IQueryHandler<GetIncomingTransferQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, transferId: id }: GetIncomingTransferQuery): Promise<IncomingTransferResponse> {
    return toIncomingTransferResponse(
      ensureOwnAgency(
        await this.ds.getRepository(IncomingTransfer).findOneBy({ id, agencyId: officer.agencyId }),
        officer,
        { code: ErrorCodes.transferNotFound, message: `No transfer ${id} was sent to your office.` },
      ),
    );
  }
}
