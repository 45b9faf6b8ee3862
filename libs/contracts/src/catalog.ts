import { EventRegistry, type EventDefinition } from './registry';
import { CASE_EVENTS } from './events/case.integration-events';
import { DEADLINE_EVENTS } from './events/deadline.integration-events';
import { FILING_SUPERVISION_EVENTS } from './events/filing-supervision.integration-events';
import { SUPERVISION_EVENTS } from './events/supervision.integration-events';
import { TRANSFER_EVENTS } from './events/transfer.integration-events';
import { PROSECUTION_EVENTS } from './events/prosecution.integration-events';
import { PIL_EVENTS } from './events/pil.integration-events';
import { COURT_EVENTS } from './events/court.integration-events';
import { SHARING_EVENTS } from './events/sharing.integration-events';
import { EDC_EVENTS } from './events/edc.integration-events';
import { COOPERATION_EVENTS } from './events/cooperation.integration-events';

/** Every integration event of CaseBridge, all versions. */
export const ALL_EVENT_DEFINITIONS: readonly EventDefinition[] = [
  ...CASE_EVENTS,
  ...TRANSFER_EVENTS,
  ...FILING_SUPERVISION_EVENTS,
  ...DEADLINE_EVENTS,
  ...SUPERVISION_EVENTS,
  ...PROSECUTION_EVENTS,
  ...PIL_EVENTS,
  ...COURT_EVENTS,
  ...SHARING_EVENTS,
  ...EDC_EVENTS,
  ...COOPERATION_EVENTS,
] as EventDefinition[];

export const eventRegistry = new EventRegistry(ALL_EVENT_DEFINITIONS);
