// The pacer on a fake clock: one message per channel per perChannelMs; across channels one per
// globalMs on average, with up to `burst` back to back to make up for a stall — never more.
import { describe, expect, it } from 'vitest';
import { createPacer } from '../../src/infra/slack/pacer.js';

function fakeClock() {
  let t = 0;
  const sent: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    sent,
  };
}

describe('createPacer', () => {
  it('spaces messages globalMs apart once the burst is used, and a channel perChannelMs apart', async () => {
    const c = fakeClock();
    const pacer = createPacer({ perChannelMs: 1000, globalMs: 50, burst: 3, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 6; i++) {
      await pacer.wait(`D${i}`);
      c.sent.push(c.now());
    }
    expect(c.sent).toEqual([0, 0, 0, 50, 100, 150]);
    await pacer.wait('D0');
    expect(c.now()).toBe(1000);
  });

  it('makes up a stall with at most burst − 1 extra messages, then keeps the rate', async () => {
    const c = fakeClock();
    const pacer = createPacer({ perChannelMs: 1000, globalMs: 50, burst: 3, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 3; i++) await pacer.wait(`A${i}`); // the burst, at 0
    await pacer.wait('A3'); // at 50
    c.advance(400); // a slow call: 450
    for (let i = 0; i < 5; i++) {
      await pacer.wait(`B${i}`);
      c.sent.push(c.now());
    }
    expect(c.sent).toEqual([450, 450, 450, 500, 550]);
  });

  it('without burst, a stall is not made up', async () => {
    const c = fakeClock();
    const pacer = createPacer({ perChannelMs: 1000, globalMs: 50, now: c.now, sleep: c.sleep });
    await pacer.wait('A');
    c.advance(200);
    for (const ch of ['B', 'C']) {
      await pacer.wait(ch);
      c.sent.push(c.now());
    }
    expect(c.sent).toEqual([200, 250]);
  });

  it('a 429 pause holds every channel for Retry-After, then the pace resumes without a catch-up burst', async () => {
    const c = fakeClock();
    const pacer = createPacer({ perChannelMs: 1000, globalMs: 50, burst: 3, now: c.now, sleep: c.sleep });
    await pacer.wait('A'); // at 0, answered 429 with Retry-After 1 s
    pacer.pause(1000);
    for (const ch of ['A', 'B', 'C', 'D']) {
      await pacer.wait(ch);
      c.sent.push(c.now());
    }
    // Not 1000, 1000, 1000, 1050: the pause is not made up as if it were a stall.
    expect(c.sent).toEqual([1000, 1050, 1100, 1150]);
  });
});
