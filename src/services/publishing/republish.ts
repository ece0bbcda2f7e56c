// `/stat publish [period]` (admins): rewrite the open data and the public site now, picking up any
// correction. A period that has not reached its publish moment is refused, never forced out early.

import type { PrismaClient } from '../../infra/db-types.js';
import type { PublicationWriter } from '../../infra/publishing/feed-model.js';
import { isAllowed } from '../authorize.js';
import { loadProgramSettings } from '../program-settings.js';
import { type PublishOutcome, publishResults } from './publish-results.js';
import { findPublishableSlots } from './publishable-periods.js';

export type RepublishOutcome =
  | PublishOutcome
  | { kind: 'not_allowed' }
  | { kind: 'not_configured' }
  | { kind: 'not_publishable'; period: string };

export async function republishResults(
  deps: { prisma: PrismaClient; publishing?: { writer: PublicationWriter; baseUrl: string } },
  o: { userId: string; period: string | null; now: Date },
): Promise<RepublishOutcome> {
  if (!(await isAllowed(deps.prisma, o.userId, 'publish_results'))) return { kind: 'not_allowed' };
  if (!deps.publishing) return { kind: 'not_configured' };
  if (o.period) {
    const { publish } = await loadProgramSettings(deps.prisma);
    const slots = await findPublishableSlots(deps.prisma, publish);
    if (!slots.some((s) => s.period === o.period)) return { kind: 'not_publishable', period: o.period };
  }
  return publishResults({ prisma: deps.prisma, ...deps.publishing }, { now: o.now, by: o.userId, force: true });
}
