import { Module } from '@nestjs/common';
import { NonprosecutionNoticesConsumer } from './nonprosecution-notices.consumer';
import { ProsecutionNoticesHttpController } from './prosecution-notices.http.controller';

/** Non-prosecution notices from the procuratorate (flows.md §3; E17 art 18): the case comes back, its penalty clock resumes. */
@Module({
  controllers: [ProsecutionNoticesHttpController],
  providers: [NonprosecutionNoticesConsumer],
})
export class ProsecutionNoticesModule {}
