// The same bot in Socket Mode: envelopes over the sandbox's WebSocket, acked with payloads.
import { describe, expect, it } from 'vitest';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { formValues } from '../helpers/forms.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const stack = useLocalStack({ now: '2026-11-03T15:00:00Z', mode: 'socket' });

describe('Socket Mode', () => {
  it('opens the form from /stat submit and returns inline errors in the ack', async () => {
    const s = stack();
    const db = s.db;
    const cmd = await s.driver.slashCommand({ command: '/stat', text: 'submit', userId: 'U0FIRLIA1' });
    expect(cmd.acked).toBe(true);
    // In Socket Mode the ack goes back first; the modal opens right after it.
    await s.sandbox.waitForCall('views.open', { count: 1, timeoutMs: 5000 });
    const view = s.sandbox.openViews('U0FIRLIA1').find((v) => v.callback_id === SUBMISSION_CALLBACK_ID)!;
    expect(view).toBeDefined();
    const bad = await s.driver.viewSubmission({
      userId: 'U0FIRLIA1',
      view,
      values: await formValues(db.prisma, 'FIRE', { turnout_p90: { value: '99' } }),
    });
    expect(bad.body).toMatchObject({ response_action: 'errors' });
    const good = await s.driver.viewSubmission({
      userId: 'U0FIRLIA1',
      view,
      values: await formValues(db.prisma, 'FIRE', {
        turnout_p90: { value: '78' },
        calls_10s: { value: '91' },
        ems_response_p90: { value: '8.9' },
      }),
    });
    expect(good.body).toBeFalsy();
    expect(
      await db.prisma.metricValue.count({ where: { period: '2026-10', metric: { department: { key: 'FIRE' } } } }),
    ).toBe(3);
  });

  it('reconnects after Slack asks it to, and keeps working', async () => {
    const s = stack();
    const opened = s.sandbox.socket.connectionsOpened;
    s.sandbox.socket.disconnectAll('refresh_requested');
    await s.sandbox.socket.waitForConnection(10_000, opened + 1);
    const res = await s.driver.slashCommand({ command: '/stat', text: 'help', userId: 'U0FIRLIA1' });
    expect(JSON.stringify(res.body)).toContain('/stat submit');
  });
});
