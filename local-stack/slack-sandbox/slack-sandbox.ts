// A local stand-in for Slack (which is unreachable here): the Web API with state, upload URLs,
// response_urls and a Socket Mode server, all on one 127.0.0.1 port. Every call is recorded and
// checked against third-party specs (method args, Block Kit); anything Slack would reject is
// answered as Slack would AND recorded as a violation, so `assertNoViolations()` in afterEach
// fails the test that caused it.

import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AckChecks } from './ack-checks.js';
import { type BlockKitValidator, createBlockKitValidator, defaultBlockKitSchemaPath } from './block-kit-validator.js';
import { ChannelPacing, FaultQueue, type PacingOptions, type PacingStats } from './fault-injection.js';
import { parseApiRequest, parseUpload, readBody } from './http-body.js';
import { checkArgs, loadMethodSpecs, type MethodSpec } from './method-specs.js';
import { METHOD_HANDLERS } from './methods/index.js';
import { checkPayload } from './payload-checks.js';
import { ResponseUrls } from './response-urls.js';
import { SANDBOX_IDS, SandboxState } from './sandbox-state.js';
import type {
  AddChannelOptions,
  AddUserOptions,
  EphemeralMessage,
  Fault,
  RecordedCall,
  ResponseRecord,
  ResponseUrlContext,
  SandboxChannel,
  SandboxUser,
  SandboxUserGroup,
  ScheduledMessage,
  SlackArgs,
  SlackResult,
  StoredFile,
  StoredMessage,
  StoredView,
  Violation,
} from './sandbox-types.js';
import { sniffMimetype } from './slack-objects.js';
import { SocketModeServer } from './socket-mode-server.js';

export interface SandboxOptions {
  /** Folder with block-kit/ and methods/. Default: the specs vendored in <repo>/vendor/slack-spec. */
  specDir?: string;
  /** Used by the drivers to sign requests. Default 'sandbox-signing-secret'. */
  signingSecret?: string;
  /** How long a trigger_id works (Slack: 3 s). */
  triggerTtlMs?: number;
  /** When set, any other bot token is answered `invalid_auth`. */
  botToken?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Pacing model used when `enforceRateLimits` is on. Default 1/s per channel, burst 3. */
  pacing?: Partial<PacingOptions>;
  /** Called as each violation is recorded (the demo prints them live). */
  onViolation?: (v: Violation) => void;
}

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_SPEC_DIR = resolve(here, '..', '..', 'vendor', 'slack-spec');

// Loading and compiling the specs takes ~0.5 s; test files start several sandboxes.
const specCache = new Map<string, { methods: Map<string, MethodSpec>; blockKit: BlockKitValidator }>();
function loadSpecs(specDir: string) {
  let s = specCache.get(specDir);
  if (!s) {
    s = {
      methods: loadMethodSpecs(join(specDir, 'methods')),
      blockKit: createBlockKitValidator(defaultBlockKitSchemaPath(specDir)),
    };
    specCache.set(specDir, s);
  }
  return s;
}

export async function startSlackSandbox(opts: SandboxOptions = {}): Promise<SlackSandbox> {
  const sandbox = new SlackSandbox(opts);
  await sandbox.listen(opts.port ?? 0);
  return sandbox;
}

export interface WaitForCallOptions {
  count?: number;
  timeoutMs?: number;
  where?: (call: RecordedCall) => boolean;
}

export class SlackSandbox {
  readonly signingSecret: string;
  readonly state: SandboxState;
  readonly calls: RecordedCall[] = [];
  readonly violations: Violation[] = [];
  readonly socket = new SocketModeServer();
  /** When true, chat.postMessage answers 429 above ~1 message/s per channel (after a burst). */
  enforceRateLimits = false;
  readonly pacing: ChannelPacing;
  readonly validator: BlockKitValidator;
  readonly ackChecks: AckChecks;
  private readonly methods: Map<string, MethodSpec>;
  private readonly faults = new FaultQueue();
  private readonly responseUrls: ResponseUrls;
  private readonly events = new EventEmitter();
  private readonly server: Server;
  private readonly botToken: string | undefined;
  private readonly onViolation: ((v: Violation) => void) | undefined;
  private port = 0;

  constructor(opts: SandboxOptions = {}) {
    const specs = loadSpecs(opts.specDir ?? DEFAULT_SPEC_DIR);
    this.methods = specs.methods;
    this.validator = specs.blockKit;
    this.signingSecret = opts.signingSecret ?? 'sandbox-signing-secret';
    this.botToken = opts.botToken;
    this.onViolation = opts.onViolation;
    this.state = new SandboxState({ triggerTtlMs: opts.triggerTtlMs ?? 3000 });
    this.pacing = new ChannelPacing({ perSecond: 1, burst: 3, ...opts.pacing }, () => this.state.now());
    this.responseUrls = new ResponseUrls({
      state: this.state,
      validator: this.validator,
      violation: (m, msg) => this.violation(m, msg),
    });
    this.ackChecks = new AckChecks(this);
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        this.violation(
          'sandbox',
          `internal error handling ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}`,
        );
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.server.on('upgrade', (req, socket, head) => this.socket.handleUpgrade(req, socket, head));
  }

  /** @internal startSlackSandbox calls this. */
  async listen(port: number): Promise<void> {
    await new Promise<void>((ok, fail) => {
      this.server.once('error', fail);
      this.server.listen(port, '127.0.0.1', () => ok());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Pass as Bolt `clientOptions.slackApiUrl` / WebClient `slackApiUrl` (trailing slash matters). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  async close(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }

  // --- violations -----------------------------------------------------------------------------

  violation(method: string, message: string): void {
    const v = { method, message };
    this.violations.push(v);
    this.onViolation?.(v);
  }

  /** Throws one error listing every violation so far (call it in afterEach). */
  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const lines = this.violations.map((v, i) => `  ${i + 1}. ${v.method}: ${v.message}`);
    throw new Error(`Slack sandbox recorded ${this.violations.length} violation(s):\n${lines.join('\n')}`);
  }

  /** Returns and forgets the violations (for tests that cause one on purpose). */
  takeViolations(): Violation[] {
    return this.violations.splice(0);
  }

  // --- recorded calls -------------------------------------------------------------------------

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves when `count` calls to `method` (matching `where`) were recorded. */
  waitForCall(method: string, opts: WaitForCallOptions = {}): Promise<RecordedCall[]> {
    const { count = 1, timeoutMs = 2000, where = () => true } = opts;
    const matching = () => this.callsTo(method).filter(where);
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = matching();
        if (found.length < count) return;
        clearTimeout(timer);
        this.events.off('call', check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.events.off('call', check);
        const seen = this.calls.map((c) => c.method).join(', ') || 'none';
        reject(
          new Error(
            `waitForCall: expected ${count} call(s) to ${method} within ${timeoutMs} ms, got ${matching().length} (calls: ${seen})`,
          ),
        );
      }, timeoutMs);
      this.events.on('call', check);
      check();
    });
  }

  // --- workspace ------------------------------------------------------------------------------

  addUser(u: AddUserOptions): SandboxUser {
    return this.state.addUser(u);
  }

  /** A user group (S… id, @handle) whose members usergroups.users.list returns; set users again to change it. */
  addUserGroup(g: SandboxUserGroup): SandboxUserGroup {
    this.state.userGroups.set(g.id, { ...g, users: [...g.users] });
    return g;
  }

  addChannel(c: AddChannelOptions): SandboxChannel {
    return this.state.addChannel(c);
  }

  /** Seeds a message written by a user (e.g. the target of a message shortcut). */
  addMessage(m: {
    channel: string;
    text: string;
    user: string;
    thread_ts?: string;
    ts?: string;
  }): StoredMessage & { user: string } {
    const msg: StoredMessage & { user: string } = {
      ...m,
      ts: m.ts ?? this.state.nextTs(),
      reactions: [],
      pinned: false,
      via: 'seed',
    };
    this.state.messages.push(msg);
    return msg;
  }

  /** The bot's DM channel id with a user (D…), whether or not it is open yet. */
  dmChannelId(userId: string): string {
    return `D${userId.replace(/^[UW]/, '')}`;
  }

  // --- messages -------------------------------------------------------------------------------

  get messages(): StoredMessage[] {
    return this.state.messages;
  }

  messagesIn(channel: string): StoredMessage[] {
    return this.state.messages.filter((m) => m.channel === channel);
  }

  dmsTo(userId: string): StoredMessage[] {
    return this.messagesIn(this.dmChannelId(userId));
  }

  ephemerals(userId?: string): EphemeralMessage[] {
    return this.state.ephemerals.filter((e) => userId === undefined || e.user === userId);
  }

  lastMessage(channel?: string): StoredMessage | undefined {
    const list = channel ? this.messagesIn(channel) : this.state.messages;
    return list[list.length - 1];
  }

  get scheduledMessages(): ScheduledMessage[] {
    return this.state.scheduled;
  }

  /** Posts scheduled messages whose post_at has come (by the sandbox clock); returns them. */
  deliverScheduled(): StoredMessage[] {
    const nowSec = this.state.now() / 1000;
    const out: StoredMessage[] = [];
    for (const s of this.state.scheduled) {
      if (s.delivered || s.post_at > nowSec) continue;
      s.delivered = true;
      const m: StoredMessage = {
        channel: s.channel,
        ts: this.state.nextTs(),
        text: s.text,
        blocks: s.blocks,
        user: SANDBOX_IDS.botUserId,
        bot_id: SANDBOX_IDS.botId,
        reactions: [],
        pinned: false,
        via: 'chat.scheduleMessage',
        ...(s.thread_ts ? { thread_ts: s.thread_ts } : {}),
      };
      this.state.messages.push(m);
      out.push(m);
    }
    return out;
  }

  // --- views, triggers, files ---------------------------------------------------------------

  issueTriggerId(userId?: string): string {
    return this.state.issueTriggerId(userId);
  }

  set triggerTtlMs(ms: number) {
    this.state.triggerTtlMs = ms;
  }

  get triggerTtlMs(): number {
    return this.state.triggerTtlMs;
  }

  /** Open modals (bottom → top) of one user, or of everyone. */
  openViews(userId?: string): StoredView[] {
    if (userId !== undefined) return this.state.openStack(userId);
    return [...this.state.modalStacks.keys()].flatMap((u) => this.state.openStack(u));
  }

  homeView(userId: string): StoredView | undefined {
    const id = this.state.homeViews.get(userId);
    return id ? this.state.views.get(id) : undefined;
  }

  view(viewId: string): StoredView | undefined {
    return this.state.views.get(viewId);
  }

  get files(): StoredFile[] {
    return [...this.state.files.values()];
  }

  // --- response_url ---------------------------------------------------------------------------

  /** http://127.0.0.1:PORT/response/<id>; the context says where in_channel/replace_original land. */
  newResponseUrl(ctx: ResponseUrlContext = {}): string {
    return `${this.baseUrl}/response/${this.responseUrls.create(ctx)}`;
  }

  /** POSTs received on response_urls (all, or those of one id or full URL). */
  responses(idOrUrl?: string): ResponseRecord[] {
    const id = idOrUrl?.split('/').pop();
    return this.responseUrls.records.filter((r) => id === undefined || r.id === id);
  }

  // --- faults and time ------------------------------------------------------------------------

  /** The next `times` calls to `method` ('*' = any) fail as described (429 carries Retry-After). */
  failNext(method: string, fault: Fault, times = 1): void {
    this.faults.add(method, fault, times);
  }

  get rateLimitStats(): PacingStats {
    return this.pacing.stats;
  }

  /** Moves the sandbox clock (trigger/response_url expiry, ts, post_at) without waiting. */
  advanceTime(ms: number): void {
    this.state.timeOffsetMs += ms;
  }

  // --- HTTP -----------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const parts = url.pathname.split('/').filter(Boolean);
    const body = await readBody(req);
    if (parts[0] === 'api' && parts.length === 2) return this.handleApi(req, res, parts[1]!, body);
    if (parts[0] === 'upload' && parts.length === 2 && req.method === 'POST')
      return this.handleUpload(req, res, parts[1]!, body);
    if (parts[0] === 'response' && parts.length === 2 && req.method === 'POST') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        parsed = body.toString('utf8');
      }
      const { status, result } = this.responseUrls.handle(parts[1]!, parsed);
      return sendJson(res, status, result);
    }
    if (parts[0] === 'files' && parts.length >= 2 && req.method === 'GET') {
      const f = this.state.files.get(parts[1]!);
      // url_private needs the bot token, as on Slack.
      if (!f?.bytes || !/^Bearer xox[bp]-/.test(req.headers.authorization ?? ''))
        return sendJson(res, 404, { ok: false, error: 'file_not_found' });
      res.writeHead(200, { 'content-type': f.mimetype, 'content-length': f.bytes.length });
      res.end(f.bytes);
      return;
    }
    sendJson(res, 404, { ok: false, error: 'not_found' });
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, method: string, body: Buffer): Promise<void> {
    const at = Date.now();
    let parsed: Awaited<ReturnType<typeof parseApiRequest>>;
    try {
      parsed = await parseApiRequest(req, body);
    } catch (err) {
      this.violation(method, `unreadable request body: ${String(err)}`);
      return sendJson(res, 200, { ok: false, error: 'invalid_form_data' });
    }
    const { token } = parsed;
    const { token: _t, ...rawArgs } = parsed.args;
    let args: SlackArgs = rawArgs;
    const reply = (
      status: number,
      result: SlackResult,
      extra: { injected?: boolean; headers?: Record<string, string> } = {},
    ) => {
      this.record({
        method,
        args,
        ok: result.ok,
        ...(result.ok ? {} : { error: result.error }),
        at,
        status,
        ...(token ? { token } : {}),
        ...(extra.injected ? { injected: true } : {}),
      });
      sendJson(res, status, result, extra.headers);
    };
    const invalid = (error: string, errors: string[]) => {
      for (const e of errors) this.violation(method, `${error}: ${e}`);
      reply(200, { ok: false, error, errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } });
    };

    // 1. Injected faults and pacing come first, as Slack's rate limiter sits in front of everything.
    const fault = this.faults.take(method);
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    else if (fault && 'rateLimited' in fault) {
      return reply(
        429,
        { ok: false, error: 'ratelimited' },
        { injected: true, headers: { 'retry-after': String(fault.rateLimited) } },
      );
    } else if (fault && 'status' in fault) {
      this.record({ method, args, ok: false, error: `http_${fault.status}`, at, status: fault.status, injected: true });
      res.writeHead(fault.status, { 'content-type': 'text/plain' });
      res.end(fault.body ?? 'Internal Server Error');
      return;
    } else if (fault && 'error' in fault) {
      return reply(200, { ok: false, error: fault.error }, { injected: true });
    }
    if (this.enforceRateLimits && method === 'chat.postMessage' && typeof rawArgs.channel === 'string') {
      const retryAfter = this.pacing.take(rawArgs.channel);
      if (retryAfter !== undefined)
        return reply(
          429,
          { ok: false, error: 'ratelimited' },
          { injected: true, headers: { 'retry-after': String(retryAfter) } },
        );
    }

    // 2. Method exists (has a spec and an implementation).
    const spec = this.methods.get(method);
    const handler = METHOD_HANDLERS[method];
    if (!spec || !handler) {
      this.violation(
        method,
        spec ? 'the sandbox does not implement this method yet' : 'unknown method (no spec in slack-spec/methods)',
      );
      return reply(200, { ok: false, error: 'unknown_method' });
    }

    // 3. Auth: the token type has to fit the method.
    const authError = this.checkToken(method, token);
    if (authError) {
      this.violation(method, `${authError} (token: ${token ? `${token.slice(0, 5)}…` : 'none'})`);
      return reply(200, { ok: false, error: authError });
    }

    // 4. Wire format and arguments against the method spec.
    if (parsed.wire === 'json' && !spec.jsonInputSupported) {
      // Slack ignores a JSON body for these methods, so every arg looks missing.
      return invalid('invalid_arguments', [
        `${method} does not accept JSON bodies; send application/x-www-form-urlencoded`,
      ]);
    }
    const checked = checkArgs(spec, rawArgs, parsed.wire, parsed.bearer);
    args = checked.decoded;
    if (checked.badJson.includes('blocks')) return invalid('invalid_blocks_format', checked.problems);
    if (checked.problems.length) return invalid('invalid_arguments', checked.problems);

    // 5. Content: Block Kit, views, text rules.
    const problem = checkPayload(method, args, this.validator);
    if (problem) return invalid(problem.error, problem.errors);

    // 6. The method itself.
    const result = handler({
      method,
      args,
      token: token ?? '',
      state: this.state,
      baseUrl: this.baseUrl,
      issueSocketUrl: () => this.socket.issueUrl(this.baseUrl.replace(/^http/, 'ws')),
    });
    reply(200, result);
  }

  private checkToken(method: string, token: string | undefined): string | undefined {
    if (!token) return 'not_authed';
    const kind = /^(xoxb|xoxp|xapp)-/.exec(token)?.[1];
    if (!kind) return 'invalid_auth';
    // App-level tokens (xapp-) only open Socket Mode connections; bot tokens cannot.
    if (method === 'apps.connections.open') return kind === 'xapp' ? undefined : 'not_allowed_token_type';
    if (kind === 'xapp') return 'not_allowed_token_type';
    if (kind === 'xoxb' && this.botToken !== undefined && token !== this.botToken) return 'invalid_auth';
    return undefined;
  }

  private async handleUpload(req: IncomingMessage, res: ServerResponse, fileId: string, body: Buffer): Promise<void> {
    const f = this.state.files.get(fileId);
    if (!f) return sendJson(res, 404, { ok: false, error: 'file_not_found' });
    const bytes = await parseUpload(req, body);
    if (bytes.length !== f.length) {
      this.violation(
        'files.upload',
        `upload of ${fileId} (${f.filename}) sent ${bytes.length} bytes but files.getUploadURLExternal declared length ${f.length}`,
      );
    }
    f.bytes = bytes;
    f.mimetype = sniffMimetype(bytes, f.filename);
    // Slack's upload endpoint answers in plain text.
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.events.emit('call', call);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
