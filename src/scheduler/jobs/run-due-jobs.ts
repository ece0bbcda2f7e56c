// The one job the clock drives: plan what has become plannable, then send what is due.
// Run-once given `now`, so the scheduler, `npm run stat -- run-due` and tests share it.
import { planCollectionNotices } from '../../services/notices/plan-collection.js';
import { deliverDueNotices, type DeliveryDeps, type DeliveryReport } from '../../services/notices/deliver-notices.js';

export interface JobReport extends DeliveryReport {
  planned: number;
}

export async function runDueJobs(now: Date, deps: DeliveryDeps): Promise<JobReport> {
  const planned = await planCollectionNotices(deps.prisma, now);
  const delivered = await deliverDueNotices(deps, now);
  return { planned, ...delivered };
}
