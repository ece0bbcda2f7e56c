// The follow-up a nag or a "paused" notice is about, while it is still open. Every follow-up
// notice stands down the same way once its follow-up is deleted, done or cancelled.
import type { Db } from '../../infra/db-types.js';
import { loadFollowUpCard } from '../followups/followup-card.js';
import type { FollowUpNagModel, NoticeDecision } from './notice-model.js';

export async function openFollowUpCard(
  db: Db,
  followUpId: number,
): Promise<{ card: FollowUpNagModel['card'] } | { standDown: NoticeDecision }> {
  const card = await loadFollowUpCard(db, followUpId);
  if (!card) return { standDown: { send: false, reason: 'follow-up deleted' } };
  if (card.status !== 'open') return { standDown: { send: false, reason: `follow-up ${card.status}` } };
  return { card };
}
