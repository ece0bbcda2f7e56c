// The scheduled backup job: due once a day after 03:00 local, keeps BACKUP_KEEP scheduled files
// (never the operator's own), and tells the admins once per run of failures.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupJob } from '../../src/scheduler/jobs/daily-backup.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const ADMIN = 'U0ADMIN01';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stat-daily-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const stack = useLocalStack({ now: '2026-11-10T08:17:00Z' });

function job(at: string, settings: { dir: string; keep: number }) {
  const s = stack();
  return runBackupJob(new Date(at), { db: s.db, client: s.app.client, logger: s.deps.logger, settings });
}

describe('the daily backup job', () => {
  it('writes one backup a day after the quiet hour and keeps the newest BACKUP_KEEP', async () => {
    await writeFile(join(dir, 'by-hand.stat-backup.jsonl.gz'), 'kept: not a scheduled backup');
    const settings = { dir, keep: 2 };
    // 02:17 in New York: before the quiet hour, and there is no backup yet — it catches up at once.
    expect((await job('2026-11-10T07:17:00Z', settings)).kind).toBe('written');
    expect((await job('2026-11-10T08:17:00Z', settings)).kind).toBe('written'); // 03:17: the day's own
    expect((await job('2026-11-10T09:17:00Z', settings)).kind).toBe('not_due');
    expect((await job('2026-11-11T08:17:00Z', settings)).kind).toBe('written');
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([
      'by-hand.stat-backup.jsonl.gz',
      'riverton-stat-20261110T081700Z-daily.stat-backup.jsonl.gz',
      'riverton-stat-20261111T081700Z-daily.stat-backup.jsonl.gz',
    ]);
  });

  it('reports a failure to the admins once, and again only after a backup has succeeded', async () => {
    const s = stack();
    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, 'a file where the folder should be');
    const bad = { dir: blocked, keep: 2 };
    const before = s.sandbox.dmsTo(ADMIN).length;
    const first = await job('2026-11-12T08:17:00Z', bad);
    expect(first.kind).toBe('failed');
    expect(s.sandbox.dmsTo(ADMIN).length).toBe(before + 1);
    expect(s.sandbox.dmsTo(ADMIN).at(-1)?.text).toContain('could not write the daily backup');
    expect((await job('2026-11-13T08:17:00Z', bad)).kind).toBe('failed');
    expect(s.sandbox.dmsTo(ADMIN).length).toBe(before + 1); // told once
    await rm(blocked);
    expect((await job('2026-11-14T08:17:00Z', bad)).kind).toBe('written');
    await rm(blocked, { recursive: true });
    await writeFile(blocked, 'broken again');
    expect((await job('2026-11-15T08:17:00Z', bad)).kind).toBe('failed');
    expect(s.sandbox.dmsTo(ADMIN).length).toBe(before + 2);
  });
});
