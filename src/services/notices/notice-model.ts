// What a single-DM notice says, as data: the job layer renders it with the view builders
// (src/scheduler/jobs/notice-views.ts), so deciding a notice never builds Block Kit. The models are
// the views' own input types (view-model types live with their views; services import them type-only).
import type { LadderStepName } from '../../domain/calendar/ladder-steps.js';
import type { Prisma } from '../../infra/db-types.js';
import type { OutgoingMessage } from '../../infra/slack/slack-gateway.js';
import type { ReminderContent } from '../../views/collection-reminder.js';
import type { loadFollowUpCard } from '../followups/followup-card.js';

export type CollectionReminderModel = ReminderContent;

export interface FollowUpNagModel {
  card: NonNullable<Awaited<ReturnType<typeof loadFollowUpCard>>>;
  step: Exclude<LadderStepName, 'opening'>;
  businessDaysLate: number;
  ownerUserId: string;
}

/** The chair is told, once, that the nags to an away owner wait until they are back. */
export interface FollowUpPausedModel {
  card: FollowUpNagModel['card'];
  ownerUserId: string;
  /** The owner's last day away (program time zone). */
  awayUntil: string;
}

export type NoticeModel =
  | ({ kind: 'collection' } & { reminder: CollectionReminderModel })
  | ({ kind: 'followup' } & FollowUpNagModel)
  | ({ kind: 'followup_paused' } & FollowUpPausedModel);

/** A notice a decision asks for besides its own; its unique key makes it once however often it is asked. */
export interface FollowOnNotice {
  key: string;
  kind: string;
  recipient: string;
  sendAt: Date;
  payload: Prisma.InputJsonObject;
}

export type NoticeDecision =
  /** `to`: someone other than the planned recipient (a delegate while they are away). */
  | { send: true; model: NoticeModel; to?: string }
  /**
   * `deferUntil`: not now but then (outside the recipient's working hours), rather than never.
   * `followOn`: planned in the same transaction as the deferral (the chair told an owner is away).
   */
  | { send: false; reason: string; deferUntil?: Date; followOn?: FollowOnNotice };

export interface DeliveryProblem {
  recipient: string;
  code: string;
  /** What could not be delivered, e.g. "collect_reminder". */
  kind: string;
}

/** Renders what the delivery service decided; given by the job layer. */
export interface DeliveryViews {
  notice(model: NoticeModel): OutgoingMessage;
  deliveryProblem(problem: DeliveryProblem): OutgoingMessage;
}
