// Runs the common requests' query shapes once at start, before the app accepts requests.
//
// Why: Prisma 7 compiles each query shape (its WASM query compiler, synchronously, on the main
// thread) the first time it is used, and caches the plan. Without this, the first users after a
// start pay for every compile while 50 of them wait for their acks: the ack bench's p99 came from
// round 1 of a fresh process, 2–13× a bare Bolt app, and rounds 2–4 were close to bare (issue 11).
//
// Honest and harmless: the real service functions on real rows (the first chair and liaison the
// database has), each step inside its own transaction that is always rolled back, because some of
// them write as a side effect (planning meetings, a department's period row). It has no Slack
// client, so it cannot send anything. An empty database or a failing step is logged and start-up
// goes on: a cold first request is slower, never refused.

import type { Db } from '../infra/db-types.js';
import { agendaAccess } from '../services/authorize.js';
import { planBriefNotices } from '../services/brief/plan-brief.js';
import { recordSubmission } from '../services/collection/record-submission.js';
import { prepareSubmissionForm } from '../services/collection/submission-form.js';
import { loadHomeData } from '../services/home/home-data.js';
import { planMeetings } from '../services/meetings/plan-meetings.js';
import { planCollectionNotices } from '../services/notices/plan-collection.js';
import { planWeeklyCollection } from '../services/notices/plan-weekly-collection.js';
import { loadProgramSettings } from '../services/program-settings.js';
import { buildAgenda } from '../services/roundtable/build-agenda.js';
import { findMeeting } from '../services/roundtable/find-meeting.js';
import { buildAgendaMessages } from '../views/agenda-message.js';
import { buildHomeView } from '../views/home-view.js';
import { buildSubmissionModal } from '../views/submission-modal.js';
import type { Deps } from './deps.js';

export interface WarmUpReport {
  ms: number;
  /** Steps that ran to the end; the others are in `failed`, with why. */
  warmed: string[];
  failed: { step: string; reason: string }[];
}

type Step = (db: Db, now: Date) => Promise<unknown>;

/** What a person opening each surface does, minus the Slack call at the end. */
const STEPS: Record<string, Step> = {
  'agenda (/stat agenda)': async (db, now) => {
    const settings = await loadProgramSettings(db);
    const chair = await db.person.findFirst({ where: { isChair: true }, orderBy: { id: 'asc' } });
    await agendaAccess(db, chair?.slackUserId ?? '', settings.agendaVisibility === 'chairs_only');
    const meeting = await findMeeting(db, { kind: 'next' }, now, settings.calendar.timezone);
    const agenda = meeting && (await buildAgenda(db, meeting.id, now));
    if (agenda) buildAgendaMessages(agenda, { interactive: true });
  },
  'numbers form ("Enter numbers", then saved)': async (db, now) => {
    const liaison = await db.departmentMember.findFirst({
      where: { role: 'liaison' },
      orderBy: { departmentId: 'asc' },
      include: { person: true },
    });
    if (!liaison) return;
    const prepared = await prepareSubmissionForm(db, {
      userId: liaison.person.slackUserId,
      departmentId: liaison.departmentId,
      now,
    });
    if (prepared.kind !== 'form') return;
    buildSubmissionModal(prepared.form);
    // The save's database function (compiled on its first call in a session), with nothing to write.
    await recordSubmission(db, {
      departmentId: liaison.departmentId,
      period: prepared.form.period,
      entries: [],
      userId: liaison.person.slackUserId,
      now,
      interactionKey: 'warm-up',
      dueMetricIds: prepared.contexts.map((c) => c.id),
    });
  },
  'App Home': async (db, now) => {
    const someone = await db.person.findFirst({ orderBy: { id: 'asc' } });
    buildHomeView(await loadHomeData(db, someone?.slackUserId ?? '', now));
  },
  'scheduler planning': async (db, now) => {
    await planMeetings(db, now);
    await planCollectionNotices(db, now);
    await planBriefNotices(db, now);
    await planWeeklyCollection(db, now);
  },
};

class RollBack extends Error {}

export async function warmUp(deps: Pick<Deps, 'prisma' | 'clock' | 'logger'>, steps = STEPS): Promise<WarmUpReport> {
  const started = performance.now();
  const report: WarmUpReport = { ms: 0, warmed: [], failed: [] };
  for (const [name, step] of Object.entries(steps)) {
    try {
      await deps.prisma.$transaction(
        async (tx) => {
          await step(tx, deps.clock.now());
          throw new RollBack('warm-up: nothing it did is kept');
        },
        // Bounded: a very slow database delays the start by at most a minute or so, then we listen anyway.
        { timeout: 15_000, maxWait: 5_000 },
      );
    } catch (err) {
      if (err instanceof RollBack) report.warmed.push(name);
      else report.failed.push({ step: name, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  report.ms = Math.round(performance.now() - started);
  if (report.failed.length)
    deps.logger.warn('warm-up: some steps failed (the first such requests will be slower)', { ...report });
  else deps.logger.info(`warm-up: query shapes compiled in ${report.ms} ms`, { warmed: report.warmed });
  return report;
}
