// The cooperation set's versioned migrations, oldest first.
import type { MigrationInterface } from 'typeorm';
import { CreateCooperationRecord1796600000000 } from './1796600000000-CreateCooperationRecord';

export const MIGRATIONS: (new () => MigrationInterface)[] = [CreateCooperationRecord1796600000000];
