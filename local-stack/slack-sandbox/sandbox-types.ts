// Shapes of what the sandbox records and stores. Field names follow Slack's own payloads
// (snake_case) where a test compares them with what the bot sent.

export type SlackArgs = Record<string, unknown>;

/** A Web API reply. Slack answers HTTP 200 with `ok: false` for almost every error. */
export type SlackResult = { ok: true; [key: string]: unknown } | { ok: false; error: string; [key: string]: unknown };

export interface RecordedCall {
  method: string;
  /** Decoded args: JSON-encoded values (blocks, view, files...) parsed, booleans/numbers typed. */
  args: SlackArgs;
  ok: boolean;
  error?: string;
  /** Wall-clock ms (Date.now) when the request arrived. */
  at: number;
  /** HTTP status the sandbox answered (429 and 5xx only come from fault injection or pacing). */
  status: number;
  token?: string;
  /** True when the answer came from failNext or the rate-limit model, not the method itself. */
  injected?: boolean;
}

export interface Violation {
  method: string;
  message: string;
}

export interface SandboxUser {
  id: string;
  name: string;
  realName: string;
  isBot: boolean;
  deleted: boolean;
  tz: string;
  email: string;
  /** Profile status (users.profile.get): text, emoji and expiry in epoch seconds (0 = none). */
  status: { text: string; emoji: string; expiration: number };
}

/** A Slack user group (usergroups.list / usergroups.users.list). */
export interface SandboxUserGroup {
  id: string;
  handle: string;
  name: string;
  users: string[];
}

export interface AddUserOptions {
  id: string;
  name: string;
  realName?: string;
  isBot?: boolean;
  deleted?: boolean;
  /** IANA zone, e.g. "America/Chicago" (Slack's users.info `tz`). */
  tz?: string;
  email?: string;
  status?: { text: string; emoji: string; expiration: number };
}

export interface SandboxChannel {
  id: string;
  name: string;
  members: string[];
  botIsMember: boolean;
  isPrivate: boolean;
  isArchived: boolean;
  /** DM (D…) or group DM between the bot and users. */
  isIm: boolean;
  isMpim: boolean;
}

export interface AddChannelOptions {
  id: string;
  name: string;
  members: string[];
  botIsMember: boolean;
  isPrivate?: boolean;
  isArchived?: boolean;
}

export interface Reaction {
  name: string;
  users: string[];
}

export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  /** Author: UBOT for the bot, a user id for seeded user messages. */
  user?: string;
  bot_id?: string;
  files?: string[];
  metadata?: unknown;
  reactions: Reaction[];
  pinned: boolean;
  edited?: { user: string; ts: string };
  /** How it got there: a Web API method, a response_url, or a test seeding it. */
  via: string;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  via: string;
}

export interface ScheduledMessage {
  id: string;
  channel: string;
  post_at: number;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  delivered: boolean;
}

export interface StoredView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: Record<string, Record<string, unknown>> };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  root_view_id: string | null;
  previous_view_id: string | null;
  app_id: string;
  bot_id: string;
  app_installed_team_id: string;
  /** Sandbox bookkeeping (not sent by Slack): whose screen it is on, and whether it still is. */
  user: string;
  open: boolean;
}

export interface StoredFile {
  id: string;
  filename: string;
  title: string;
  /** Declared in files.getUploadURLExternal. */
  length: number;
  altText?: string;
  snippetType?: string;
  /** Bytes POSTed to the upload_url (undefined until then). */
  bytes?: Buffer;
  mimetype: string;
  completed: boolean;
  channels: string[];
  threadTs?: string;
  initialComment?: string;
  uploadedBy: string;
  created: number;
}

export interface Bookmark {
  id: string;
  channel_id: string;
  title: string;
  link?: string;
  type: string;
  emoji?: string;
}

export interface ResponseUrlContext {
  channel?: string;
  user?: string;
  /** The message a `replace_original`/`delete_original` acts on (block_actions from a message). */
  messageTs?: string;
}

export interface ResponseRecord {
  id: string;
  body: Record<string, unknown>;
  ok: boolean;
  error?: string;
  at: number;
}

export type Fault =
  | { rateLimited: number }
  | { status: number; body?: string }
  | { error: string }
  | { delayMs: number };
