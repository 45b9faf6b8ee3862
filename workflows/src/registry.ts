/**
 * Every workflow the Kafka → Temporal bridge feeds, one registration each (the registrations live with
 * their workflows: workflows/src/<flow>/<flow>.registration.ts). A new workflow is one line here plus its
 * export in ./index.ts (the bundle the worker runs); the bridge, its consumer and route-event need no change.
 * The order is the delivery order when one event concerns several workflows.
 *
 * Node code: never import it from workflow code.
 */
import { registeredEventTypes, type WorkflowRegistration } from './bridge/workflow-registration';
import { courtRegistration } from './court/court.registration';
import { filingSupervisionRegistration } from './filing-supervision/filing-supervision.registration';
import { edcRegistration } from './edc/edc.registration';
import { penaltyRegistration } from './penalty/penalty.registration';
import { prosecutionRegistration } from './prosecution/prosecution.registration';
import { pilRegistration } from './pil/pil.registration';
import { sharingRegistration } from './sharing/sharing.registration';
import { transferRegistration } from './transfer/transfer.registration';
import { notificationRegistration } from './notification/notification.registration';
import { consultationRegistration } from './consultation/consultation.registration';
import { jointSupervisionRegistration } from './joint-supervision/joint-supervision.registration';

export const WORKFLOW_REGISTRY: readonly WorkflowRegistration[] = Object.freeze([
  transferRegistration,
  filingSupervisionRegistration,
  penaltyRegistration,
  courtRegistration,
  prosecutionRegistration,
  notificationRegistration,
  consultationRegistration,
  jointSupervisionRegistration,
  pilRegistration,
  edcRegistration,
  sharingRegistration,
]);

/** Every integration event type a registered workflow receives (what the worker's bridge consumer subscribes to). */
export const BRIDGED_EVENT_TYPES: readonly string[] = Object.freeze(registeredEventTypes(WORKFLOW_REGISTRY));
