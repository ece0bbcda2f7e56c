// A 429 on views.open: the bot's client hands it back at once (rejectRateLimitedCalls) instead of
// waiting Retry-After past the trigger_id's 3 seconds, and the person gets one clear sentence.
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/views/messages.js';
import { SUBMISSION_CALLBACK_ID } from '../../src/views/submission-modal.js';
import { useLocalStack } from '../helpers/use-local-stack.js';

const LIAISON = 'U0DPWLIA1'; // the sample program's DPW liaison
const stack = useLocalStack({ now: '2026-11-02T15:30:00Z' });

describe('a rate-limited modal', () => {
  it('answers "try again in a few seconds" within the trigger\'s life, and the next try opens the form', async () => {
    const s = stack();
    s.sandbox.failNext('views.open', { rateLimited: 30 });
    const started = Date.now();
    const res = await s.driver.slashCommand({ command: '/stat', text: 'submit', userId: LIAISON });
    const said = s.sandbox.responses(res.responseUrl!).map((r) => (r.body as { text?: string }).text);
    expect(said).toEqual([MESSAGES.slackBusy]);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(s.sandbox.callsTo('views.open').map((c) => c.status)).toEqual([429]);
    await s.driver.slashCommand({ command: '/stat', text: 'submit', userId: LIAISON });
    expect(s.sandbox.openViews(LIAISON).map((v) => v.callback_id)).toEqual([SUBMISSION_CALLBACK_ID]);
  });
});
