// Failures on demand (failNext) and an optional pacing model for chat.postMessage, so tests
// can check how the bot handles 429s, 5xx, Slack errors and slow answers.
import type { Fault } from './sandbox-types.js';

export class FaultQueue {
  private readonly queues = new Map<string, Fault[]>();

  /** The next `times` calls to `method` (or any method, for '*') get `fault`. */
  add(method: string, fault: Fault, times = 1): void {
    const q = this.queues.get(method) ?? [];
    for (let i = 0; i < times; i++) q.push(fault);
    this.queues.set(method, q);
  }

  take(method: string): Fault | undefined {
    return this.queues.get(method)?.shift() ?? this.queues.get('*')?.shift();
  }

  pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  clear(): void {
    this.queues.clear();
  }
}

export interface PacingOptions {
  /** Sustained messages per second per channel (Slack: about 1). */
  perSecond: number;
  /** Messages a quiet channel may take at once before pacing starts. */
  burst: number;
}

export interface PacingStats {
  accepted: number;
  limited: number;
  byChannel: Record<string, { accepted: number; limited: number }>;
}

/** Token bucket per channel: Slack allows ~1 chat.postMessage/s per channel with short bursts. */
export class ChannelPacing {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  stats: PacingStats = { accepted: 0, limited: 0, byChannel: {} };

  constructor(
    public options: PacingOptions,
    private readonly now: () => number,
  ) {}

  /** undefined when allowed; otherwise the Retry-After seconds to answer with. */
  take(channel: string): number | undefined {
    const t = this.now();
    const b = this.buckets.get(channel) ?? { tokens: this.options.burst, at: t };
    b.tokens = Math.min(this.options.burst, b.tokens + ((t - b.at) / 1000) * this.options.perSecond);
    b.at = t;
    this.buckets.set(channel, b);
    this.stats.byChannel[channel] ??= { accepted: 0, limited: 0 };
    const per = this.stats.byChannel[channel];
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.stats.accepted += 1;
      per.accepted += 1;
      return undefined;
    }
    this.stats.limited += 1;
    per.limited += 1;
    return Math.max(1, Math.ceil((1 - b.tokens) / this.options.perSecond));
  }

  reset(): void {
    this.buckets.clear();
    this.stats = { accepted: 0, limited: 0, byChannel: {} };
  }
}
