// The sandbox's model of a workspace: users, channels, messages, views, files, trigger ids.
// Handlers read and change it; tests query it through SlackSandbox.
import { randomBytes } from 'node:crypto';
import type {
  AddChannelOptions,
  AddUserOptions,
  Bookmark,
  EphemeralMessage,
  SandboxChannel,
  SandboxUser,
  SandboxUserGroup,
  ScheduledMessage,
  StoredFile,
  StoredMessage,
  StoredView,
} from './sandbox-types.js';

export const SANDBOX_IDS = {
  teamId: 'T0SANDBOX',
  teamDomain: 'sandbox',
  teamName: 'Sandbox City',
  botUserId: 'UBOT',
  botId: 'BBOT',
  botName: 'stat-bot',
  appId: 'A0SANDBOX',
  /** Legacy verification token Slack still puts in payloads (Bolt ignores it). */
  verificationToken: 'sandbox-verification-token',
} as const;

export type Target = { ok: true; channel: SandboxChannel } | { ok: false; error: string };

interface Trigger {
  userId?: string;
  issuedAt: number;
  used: boolean;
}

export class SandboxState {
  readonly users = new Map<string, SandboxUser>();
  readonly channels = new Map<string, SandboxChannel>();
  readonly messages: StoredMessage[] = [];
  readonly deletedMessages: StoredMessage[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  readonly scheduled: ScheduledMessage[] = [];
  readonly views = new Map<string, StoredView>();
  /** Open modals per user, bottom → top (Slack allows 3 stacked). */
  readonly modalStacks = new Map<string, string[]>();
  readonly homeViews = new Map<string, string>();
  readonly files = new Map<string, StoredFile>();
  readonly bookmarks: Bookmark[] = [];
  readonly userGroups = new Map<string, SandboxUserGroup>();
  private readonly triggers = new Map<string, Trigger>();
  private lastTsMicros = 0;
  private seq = 0;
  /** Added to Date.now() everywhere time matters (trigger and response_url expiry, ts, post_at). */
  timeOffsetMs = 0;
  triggerTtlMs: number;

  constructor(opts: { triggerTtlMs: number }) {
    this.triggerTtlMs = opts.triggerTtlMs;
    this.addUser({ id: SANDBOX_IDS.botUserId, name: SANDBOX_IDS.botName, realName: 'Stat Bot', isBot: true });
  }

  now(): number {
    return Date.now() + this.timeOffsetMs;
  }

  /** Message timestamps: "1700000123.000456"-style, unique and increasing, as Slack guarantees per channel. */
  nextTs(): string {
    const micros = Math.max(this.now() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  /** Slack-looking ids (V…, F…, Q…): prefix + 8 base-36 characters, deterministic per sandbox. */
  newId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  addUser(u: AddUserOptions): SandboxUser {
    const user: SandboxUser = {
      id: u.id,
      name: u.name,
      realName: u.realName ?? u.name,
      isBot: u.isBot ?? false,
      deleted: u.deleted ?? false,
      tz: u.tz ?? 'America/New_York',
      email: u.email ?? `${u.name}@sandbox.example.gov`,
      status: u.status ?? { text: '', emoji: '', expiration: 0 },
    };
    this.users.set(user.id, user);
    return user;
  }

  addChannel(c: AddChannelOptions): SandboxChannel {
    const channel: SandboxChannel = {
      id: c.id,
      name: c.name,
      members: [...c.members],
      botIsMember: c.botIsMember,
      isPrivate: c.isPrivate ?? c.id.startsWith('G'),
      isArchived: c.isArchived ?? false,
      isIm: false,
      isMpim: false,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The bot's DM with a user: one stable D… id per user, created on first use. */
  dmChannelFor(userId: string): SandboxChannel {
    const id = `D${userId.replace(/^[UW]/, '')}`;
    let dm = this.channels.get(id);
    if (!dm) {
      dm = {
        id,
        name: userId,
        members: [userId, SANDBOX_IDS.botUserId],
        botIsMember: true,
        isPrivate: true,
        isArchived: false,
        isIm: true,
        isMpim: false,
      };
      this.channels.set(id, dm);
    }
    return dm;
  }

  mpimFor(userIds: string[]): SandboxChannel {
    const members = [...new Set([...userIds, SANDBOX_IDS.botUserId])].sort();
    const id = `G${members
      .map((m) => m.replace(/^[UW]/, ''))
      .join('')
      .slice(0, 10)
      .toUpperCase()}`;
    let mpim = this.channels.get(id);
    if (!mpim) {
      mpim = {
        id,
        name: `mpdm-${members.join('--')}`,
        members,
        botIsMember: true,
        isPrivate: true,
        isArchived: false,
        isIm: false,
        isMpim: true,
      };
      this.channels.set(id, mpim);
    }
    return mpim;
  }

  /**
   * What `channel` names in chat.* calls: a channel id, a DM id, a user id (Slack posts to the
   * app's DM with that user) or a channel name.
   */
  resolveChannel(arg: unknown): Target {
    if (typeof arg !== 'string' || arg === '') return { ok: false, error: 'channel_not_found' };
    if (/^[UW][A-Z0-9]+$/.test(arg)) {
      const user = this.users.get(arg);
      if (!user || user.deleted) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: this.dmChannelFor(arg) };
    }
    const byId = this.channels.get(arg);
    if (byId) return { ok: true, channel: byId };
    const name = arg.replace(/^#/, '');
    for (const c of this.channels.values()) if (!c.isIm && c.name === name) return { ok: true, channel: c };
    return { ok: false, error: 'channel_not_found' };
  }

  /** Resolve and check the bot may post there (no chat:write.public scope in this app). */
  postTarget(arg: unknown): Target {
    const t = this.resolveChannel(arg);
    if (!t.ok) return t;
    if (t.channel.isArchived) return { ok: false, error: 'is_archived' };
    // Slack hides private channels the bot is not in: they look like they do not exist.
    if (!t.channel.botIsMember)
      return { ok: false, error: t.channel.isPrivate ? 'channel_not_found' : 'not_in_channel' };
    return t;
  }

  findMessage(channel: string, ts: unknown): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  // --- trigger ids --------------------------------------------------------------------------

  issueTriggerId(userId?: string): string {
    // Slack's look: "<number>.<number>.<hex>".
    const id = `${this.seq + 1000}.${Math.floor(this.now() / 1000)}.${randomBytes(16).toString('hex')}`;
    this.seq += 1;
    this.triggers.set(id, { userId, issuedAt: this.now(), used: false });
    return id;
  }

  /** views.open/push: a trigger works once, within triggerTtlMs (Slack: 3 s). */
  consumeTrigger(id: unknown): { ok: true; userId?: string } | { ok: false; error: string } {
    const t = typeof id === 'string' ? this.triggers.get(id) : undefined;
    if (!t) return { ok: false, error: 'invalid_trigger_id' };
    if (t.used) return { ok: false, error: 'exchanged_trigger_id' };
    if (this.now() - t.issuedAt > this.triggerTtlMs) return { ok: false, error: 'expired_trigger_id' };
    t.used = true;
    return { ok: true, userId: t.userId };
  }

  // --- views ----------------------------------------------------------------------------------

  openStack(userId: string): StoredView[] {
    return (this.modalStacks.get(userId) ?? [])
      .map((id) => this.views.get(id))
      .filter((v): v is StoredView => v !== undefined);
  }

  closeViews(userId: string, fromIndex = 0): void {
    const stack = this.modalStacks.get(userId) ?? [];
    for (const id of stack.slice(fromIndex)) {
      const v = this.views.get(id);
      if (v) v.open = false;
    }
    this.modalStacks.set(userId, stack.slice(0, fromIndex));
  }
}
