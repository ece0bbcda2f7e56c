// Which department-periods may be published: locked by their packet (after_packet), or locked and
// their meeting held (after_meeting). A period once published stays publishable, so a correction
// made after an unlock is republished rather than withdrawn.
import type { Db } from '../../infra/db-types.js';

export interface PublishableSlot {
  departmentId: number;
  departmentKey: string;
  period: string;
}

export async function findPublishableSlots(db: Db, when: 'after_packet' | 'after_meeting'): Promise<PublishableSlot[]> {
  const locked = await db.departmentPeriod.findMany({
    where: { lockedAt: { not: null }, department: { active: true } },
    include: { department: true },
  });
  const held =
    when === 'after_meeting'
      ? await db.meeting.findMany({
          where: { recordPostedAt: { not: null } },
          select: { departmentKeys: true, recordPostedAt: true },
        })
      : [];
  const slots = new Map<string, PublishableSlot>();
  const add = (departmentId: number, departmentKey: string, period: string) =>
    slots.set(`${departmentId}/${period}`, { departmentId, departmentKey, period });
  for (const dp of locked) {
    const meetingHeld = held.some(
      (m) => m.departmentKeys.includes(dp.department.key) && m.recordPostedAt! >= dp.lockedAt!,
    );
    if (when === 'after_packet' || meetingHeld) add(dp.departmentId, dp.department.key, dp.period);
  }
  const published = await db.publishedRecord.findMany({
    distinct: ['departmentId', 'period'],
    select: { departmentId: true, period: true },
  });
  const keys = new Map(
    (await db.department.findMany({ where: { active: true }, select: { id: true, key: true } })).map((d) => [
      d.id,
      d.key,
    ]),
  );
  for (const p of published) {
    const key = keys.get(p.departmentId);
    if (key) add(p.departmentId, key, p.period);
  }
  return [...slots.values()];
}
