// A published October for the publishing tests: Riverton's program, Public Works submits (with an
// explanation on a public metric and an internal note on a private one), Watershed does not, and
// the packet posts, locking October and publishing it into a temporary folder.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LocalStack, startLocalStack } from '../../local-stack/local-stack.js';
import { createTestDatabase, type TestDatabase } from '../../local-stack/test-db.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues } from './forms.js';

export const ROOM = 'C0STATROOM';
export const CHAIR = 'U0CHAIR01';
export const ADMIN = 'U0ADMIN01';
export const PRIYA = 'U0DPWLIA1';
export const PACKET_TIME = '2026-11-13T15:00:00Z';
export const PUBLIC_EXPLANATION = 'Two bucket trucks were out of service for three weeks';
export const INTERNAL_NOTE = 'Route 7 contractor dispute, legal advice pending';

export interface PublishedMonth {
  db: TestDatabase;
  stack: LocalStack;
  dir: string;
  close(): Promise<void>;
}

export async function submitDpw(s: LocalStack, db: TestDatabase, srOnTime: string): Promise<void> {
  await s.driver.slashCommand({ command: '/stat', text: 'submit DPW October', userId: PRIYA });
  const view = s.sandbox.openViews(PRIYA).find((v) => v.callback_id === SUBMISSION_CALLBACK_ID);
  if (!view) throw new Error('the submission form did not open for Public Works (see the sandbox log)');
  const values = await formValues(db.prisma, 'DPW', {
    sr_on_time: { value: srOnTime, note: PUBLIC_EXPLANATION },
    potholes_48h: { value: '92.5' },
    streetlights_7d: { value: '21' },
    missed_pickups: { value: '11.6', note: INTERNAL_NOTE },
  });
  // A value far from the metric's usual range is asked about once (the form comes back with the
  // question); submitting that form again keeps it.
  let form = view;
  for (let attempt = 0; attempt < 2; attempt++) {
    const ack = await s.driver.viewSubmission({ userId: PRIYA, view: form, values });
    const body = ack.body as { response_action?: string; errors?: unknown; view?: typeof view } | undefined;
    if (body?.response_action === 'errors')
      throw new Error(`the numbers form refused the submission: ${JSON.stringify(body.errors)}`);
    if (body?.response_action !== 'update' || body.view?.callback_id !== SUBMISSION_CALLBACK_ID) return;
    form = { ...form, private_metadata: body.view.private_metadata };
  }
  throw new Error('the numbers form kept asking about the same values');
}

export async function publishOctober(): Promise<PublishedMonth> {
  const db = await createTestDatabase();
  const dir = await mkdtemp(path.join(tmpdir(), 'stat-publish-'));
  const stack = await startLocalStack({ db, now: '2026-11-03T15:00:00Z', publishDir: dir });
  await submitDpw(stack, db, '91.2');
  await stack.runDue(PACKET_TIME);
  return {
    db,
    stack,
    dir,
    async close() {
      await stack.close();
      await db.close();
    },
  };
}

/** Every file under `dir`, relative paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
