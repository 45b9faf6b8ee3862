import { Module } from '@nestjs/common';
import { GetTransferCopyHandler } from './queries/get-transfer-copy/get-transfer-copy.handler';
import { ListTransferCopiesHandler } from './queries/list-transfer-copies/list-transfer-copies.handler';
import { TransferCopiesConsumer } from './transfer-copies.consumer';
import { TransferCopiesHttpController } from './transfer-copies.http.controller';

/** Copies of transfers and of the police decisions on them (flows.md §1), as the procuratorate sees them. */
@Module({
  controllers: [TransferCopiesHttpController],
  providers: [TransferCopiesConsumer, GetTransferCopyHandler, ListTransferCopiesHandler],
})
export class TransferCopiesModule {}
