// Paces outgoing messages to Slack's published limits instead of discovering them by 429s:
// chat.postMessage allows about one message per second per channel, with a workspace-wide ceiling.
export interface Pacer {
  wait(channel: string): Promise<void>;
}

export interface PacerOptions {
  perChannelMs: number;
  /** Minimum gap between any two messages (workspace-wide ceiling). */
  globalMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export function createPacer(opts: PacerOptions = { perChannelMs: 1000, globalMs: 50 }): Pacer {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? (() => performance.now());
  const lastByChannel = new Map<string, number>();
  let nextGlobal = 0;
  return {
    async wait(channel) {
      const t = now();
      const channelReady = (lastByChannel.get(channel) ?? -Infinity) + opts.perChannelMs;
      const at = Math.max(t, channelReady, nextGlobal);
      nextGlobal = at + opts.globalMs;
      lastByChannel.set(channel, at);
      if (at > t) await sleep(at - t);
    },
  };
}

export const noPacing: Pacer = { wait: async () => {} };
