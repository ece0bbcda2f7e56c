import { describe, expect, it } from 'vitest';
import { buildBackupFailedMessage } from '../../src/views/backup-failed-message.js';
import { expectValidMessage } from '../helpers/block-kit.js';

describe('the backup-failed DM', () => {
  it('names the folder, the error and the last good backup', () => {
    const m = buildBackupFailedMessage({
      error: 'ENOSPC: no space left on device',
      dir: '/var/backups/stat',
      lastGood: 'riverton-stat-20261109T081700Z-daily.stat-backup.jsonl.gz',
    });
    expectValidMessage(m);
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('ENOSPC');
    expect(text).toContain('/var/backups/stat');
    expect(text).toContain('20261109T081700Z');
  });

  it('says when the error was shortened, and stays a valid message', () => {
    const m = buildBackupFailedMessage({ error: 'x'.repeat(10_000), dir: '/b', lastGood: null });
    expectValidMessage(m);
    expect(JSON.stringify(m.blocks)).toContain('the log has all of it');
    expect(JSON.stringify(m.blocks)).toContain('no scheduled backup yet');
  });
});
