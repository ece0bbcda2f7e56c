// Remembers which Slack deliveries were handled: an atomic insert of the delivery's key, so two
// replicas receiving the same retried event cannot both win.
import type { Db } from '../infra/db-types.js';

/** True when this is the first time `key` is seen (and records it). */
export async function recordFirstDelivery(db: Db, key: string, now: Date): Promise<boolean> {
  const inserted = await db.processedInteraction.createMany({ data: [{ key, createdAt: now }], skipDuplicates: true });
  return inserted.count === 1;
}
