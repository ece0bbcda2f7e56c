// Paces outgoing messages to Slack's published limits instead of discovering them by 429s:
// chat.postMessage allows about one message per second per channel ("short bursts >1 allowed"),
// under a workspace-wide ceiling Slack does not publish. The README's "Pacing" says why these
// settings.
//
// The workspace-wide gap is a token bucket (GCRA): each message is due `globalMs` after the one
// before, and a sender that fell behind (a slow call, a database hiccup) may make up to
// `burst - 1` missed slots at once. So a fan-out keeps its rate instead of losing every stall for
// good, and never sends more than `burst` messages closer together than `globalMs`. A 429 is
// different: Slack said to wait, so `pause` holds every channel for its Retry-After (the gateway
// calls it) and the pace resumes after it without making the pause up.
export interface Pacer {
  wait(channel: string): Promise<void>;
  /**
   * Slack answered 429 with Retry-After `ms`: nothing is sent for that long, on any channel (a 429
   * does not say whether the channel's limit or the workspace's was hit), and after it the ordinary
   * pace resumes without a catch-up burst, so the pause does not end in a stampede.
   */
  pause(ms: number): void;
}

export interface PacerOptions {
  perChannelMs: number;
  /** Minimum gap between any two messages on average (workspace-wide ceiling). */
  globalMs: number;
  /** Messages that may go back to back to catch up after a stall. Default 1: none. */
  burst?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** One message per second per channel; 20 a second across the workspace, with 2 slots of catch-up. */
export const SLACK_PACING = { perChannelMs: 1000, globalMs: 50, burst: 3 } as const;

export function createPacer(opts: PacerOptions = SLACK_PACING): Pacer {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? (() => performance.now());
  const slack = (Math.max(1, opts.burst ?? 1) - 1) * opts.globalMs;
  const lastByChannel = new Map<string, number>();
  /** When the next message is due if the sender had kept pace (the bucket's "theoretical arrival"). */
  let due = -Infinity;
  return {
    async wait(channel) {
      const t = now();
      const channelReady = (lastByChannel.get(channel) ?? -Infinity) + opts.perChannelMs;
      const at = Math.max(t, channelReady, due - slack);
      due = Math.max(due, at) + opts.globalMs;
      lastByChannel.set(channel, at);
      if (at > t) await sleep(at - t);
    },
    pause(ms) {
      // The next message is due at the pause's end with no slots in hand: `due - slack` is that end.
      due = Math.max(due, now() + ms + slack);
    },
  };
}

export const noPacing: Pacer = { wait: async () => {}, pause: () => {} };
