// Meeting series (roundtables): recurrence, channel, chair and department rotation.
import { isDeepStrictEqual } from 'node:util';
import type { ProgramFile } from '../../domain/program/program-schema.js';
import type { Db } from '../../infra/db-types.js';
import { count, type ImportSummary } from './import-summary.js';

export async function importMeetingSeries(db: Db, series: ProgramFile['meetings'], summary: ImportSummary) {
  for (const s of series) {
    const data = {
      name: s.name,
      channelId: s.channel,
      chairUserId: s.chair,
      recurrence: s.recurrence,
      rotation: s.rotation,
      packetLeadHours: s.packet_lead_hours,
    };
    const existing = await db.meetingSeries.findUnique({ where: { key: s.key } });
    if (!existing) {
      await db.meetingSeries.create({ data: { key: s.key, ...data } });
      count(summary, 'created', 'meeting series');
    } else if (
      !isDeepStrictEqual(
        {
          name: existing.name,
          channelId: existing.channelId,
          chairUserId: existing.chairUserId,
          recurrence: existing.recurrence,
          rotation: existing.rotation,
          packetLeadHours: existing.packetLeadHours,
        },
        data,
      )
    ) {
      await db.meetingSeries.update({ where: { id: existing.id }, data });
      count(summary, 'updated', 'meeting series');
    }
  }
}
