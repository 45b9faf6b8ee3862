import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ErrorCodes } from '@casebridge/contracts';
import { ensureOwnOrGranted } from '@casebridge/sharing';
import { Transfer } from '../../transfer.entity';
import { GetTransferQuery } from './get-transfer.query';
import { toTransferResponse, type TransferResponse } from './get-transfer.response.dto';

/** One transfer of the officer's agency. @throws DomainError TRANSFER.NOT_FOUND (404) — none, or another agency's */
@QueryHandler(GetTransferQuery)
export class GetTransferHandler implements IQueryHandler<GetTransferQuery> {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}
  async execute({ officer, transferId, access }: GetTransferQuery): Promise<TransferResponse> {
    return toTransferResponse(
      ensureOwnOrGranted(await this.ds.getRepository(Transfer).findOneBy({ id: transferId }), officer, access, {
        code: ErrorCodes.transferNotFound,
        message: `No transfer ${transferId} in your agency.`,
      }),
    );
  }
}
