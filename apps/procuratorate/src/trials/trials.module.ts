import { Module } from '@nestjs/common';
import { CourtTrialConsumer } from './court-trial.consumer';

/** The trials of this procuratorate's indictments and PIL suits, as the court's events tell them (flows.md §3–4). */
@Module({ providers: [CourtTrialConsumer] })
export class TrialsModule {}
