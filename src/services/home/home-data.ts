// Everything App Home shows one person: their submissions due, their open follow-ups, and for
// chairs and admins the program at a glance.

import { lastClosedPeriod, localDateOf } from '../../domain/calendar/index.js';
import type { Db } from '../../infra/db-types.js';
import type { HomeData, OwnedCard } from '../../views/home-view.js';
import { loadActor } from '../actors.js';
import { getCollectionStatus } from '../collection/collection-status.js';
import { currentAbsence } from '../people/absences.js';
import { loadProgramSettings } from '../program-settings.js';
import { loadHomeCitywide } from './home-citywide.js';

export type { HomeData };

const include = { department: true, metric: true, updates: { orderBy: { id: 'desc' as const }, take: 1 } };

function toCard(f: {
  id: number;
  text: string;
  dueDate: string;
  status: string;
  ownerUserId: string;
  department: { name: string };
  metric: { name: string } | null;
  updates: { kind: string; note: string }[];
}): OwnedCard {
  return {
    id: f.id,
    text: f.text,
    dueDate: f.dueDate,
    status: f.status,
    ownerUserId: f.ownerUserId,
    departmentName: f.department.name,
    metricName: f.metric?.name ?? null,
    latest: f.updates[0] ?? null,
  };
}

export async function loadHomeData(db: Db, userId: string, now: Date): Promise<HomeData> {
  const settings = await loadProgramSettings(db);
  const actor = await loadActor(db, userId);
  const status = await getCollectionStatus(db, lastClosedPeriod(now, 'monthly', settings.calendar.timezone), now);
  const mine = await db.followUp.findMany({
    where: { ownerUserId: userId, status: 'open' },
    include,
    orderBy: { dueDate: 'asc' },
    take: 20,
  });
  let staff: HomeData['staff'] = null;
  if (actor.isAdmin || actor.isChair) {
    const today = localDateOf(now, settings.calendar.timezone);
    const overdue = await db.followUp.findMany({
      where: { status: 'open', dueDate: { lt: today } },
      include,
      orderBy: { dueDate: 'asc' },
      take: 15,
    });
    const meetings = await db.meeting.findMany({
      where: { status: 'scheduled', startsAt: { gt: now } },
      include: { series: true },
      orderBy: { startsAt: 'asc' },
      take: 3,
    });
    staff = {
      overdueFollowUps: overdue.map(toCard),
      nextMeetings: meetings.map((m) => ({
        name: m.series.name,
        startsAt: m.startsAt,
        departmentKeys: m.departmentKeys,
      })),
    };
  }
  return {
    citywide: staff ? await loadHomeCitywide(db, now) : null,
    programName: settings.name,
    status,
    myDepartments: [...actor.liaisonOf],
    myFollowUps: mine.map(toCard),
    myFollowUpTotal: await db.followUp.count({ where: { ownerUserId: userId, status: 'open' } }),
    staff,
    timezone: settings.calendar.timezone,
    // Away and delegates (issue 15): only people the program knows can be away.
    ...(actor.name !== null ? { away: await currentAbsence(db, userId, now) } : {}),
  };
}
