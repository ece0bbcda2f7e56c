// response_url endpoints (/response/<id>). Slack lets an app use one 5 times within 30 minutes;
// bodies are JSON messages, optionally replacing or deleting the message the action came from.
import type { BlockKitValidator } from './block-kit-validator.js';
import type { SandboxState } from './sandbox-state.js';
import { SANDBOX_IDS } from './sandbox-state.js';
import type { ResponseRecord, ResponseUrlContext } from './sandbox-types.js';

export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

const KNOWN_KEYS = new Set([
  'text',
  'blocks',
  'attachments',
  'response_type',
  'replace_original',
  'delete_original',
  'thread_ts',
  'mrkdwn',
  'unfurl_links',
  'unfurl_media',
  'metadata',
]);

interface Entry {
  ctx: ResponseUrlContext;
  created: number;
  uses: number;
}

export interface ResponseUrlDeps {
  state: SandboxState;
  validator: BlockKitValidator;
  violation(method: string, message: string): void;
}

export class ResponseUrls {
  private readonly entries = new Map<string, Entry>();
  readonly records: ResponseRecord[] = [];

  constructor(private readonly deps: ResponseUrlDeps) {}

  create(ctx: ResponseUrlContext = {}): string {
    const id = this.deps.state.newId('R');
    this.entries.set(id, { ctx, created: this.deps.state.now(), uses: 0 });
    return id;
  }

  contextOf(id: string): ResponseUrlContext | undefined {
    return this.entries.get(id)?.ctx;
  }

  handle(id: string, body: unknown): { status: number; result: Record<string, unknown> } {
    const { state } = this.deps;
    const entry = this.entries.get(id);
    const at = Date.now();
    const answer = (status: number, result: Record<string, unknown>) => {
      this.records.push({
        id,
        body: isObj(body) ? body : { raw: body },
        ok: result.ok === true,
        ...(typeof result.error === 'string' ? { error: result.error } : {}),
        at,
      });
      return { status, result };
    };
    if (!entry || state.now() - entry.created > RESPONSE_URL_TTL_MS)
      return answer(404, { ok: false, error: 'expired_url' });
    if (entry.uses >= RESPONSE_URL_MAX_USES) return answer(404, { ok: false, error: 'used_url' });
    entry.uses += 1;
    if (!isObj(body)) {
      this.deps.violation('response_url', 'response_url body must be a JSON object');
      return answer(400, { ok: false, error: 'invalid_payload' });
    }
    const problems: string[] = [];
    for (const key of Object.keys(body))
      if (!KNOWN_KEYS.has(key)) problems.push(`unknown field "${key}" (Slack ignores it)`);
    if (body.response_type !== undefined && body.response_type !== 'ephemeral' && body.response_type !== 'in_channel') {
      problems.push(`response_type must be "ephemeral" or "in_channel", got ${JSON.stringify(body.response_type)}`);
    }
    const blocks = Array.isArray(body.blocks) && body.blocks.length > 0 ? body.blocks : undefined;
    if (body.blocks !== undefined) problems.push(...this.deps.validator.messageBlocks(body.blocks));
    const text = typeof body.text === 'string' ? body.text : '';
    if (body.delete_original !== true && !text && !blocks && !body.attachments)
      problems.push('a response needs `text` or `blocks`');
    if (problems.length) {
      for (const p of problems) this.deps.violation('response_url', p);
      return answer(400, { ok: false, error: 'invalid_blocks', errors: problems });
    }
    this.apply(entry.ctx, body, text, blocks);
    return answer(200, { ok: true });
  }

  private apply(
    ctx: ResponseUrlContext,
    body: Record<string, unknown>,
    text: string,
    blocks: unknown[] | undefined,
  ): void {
    const { state } = this.deps;
    const original = ctx.channel && ctx.messageTs ? state.findMessage(ctx.channel, ctx.messageTs) : undefined;
    if (body.delete_original === true) {
      if (original) {
        state.messages.splice(state.messages.indexOf(original), 1);
        state.deletedMessages.push(original);
      }
      return;
    }
    if (body.replace_original === true && original) {
      original.text = text;
      original.blocks = blocks;
      original.edited = { user: SANDBOX_IDS.botUserId, ts: state.nextTs() };
      return;
    }
    if (!ctx.channel) return;
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
    if (body.response_type === 'in_channel') {
      state.messages.push({
        channel: ctx.channel,
        ts: state.nextTs(),
        text,
        blocks,
        user: SANDBOX_IDS.botUserId,
        bot_id: SANDBOX_IDS.botId,
        reactions: [],
        pinned: false,
        via: 'response_url',
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    } else if (ctx.user) {
      state.ephemerals.push({
        channel: ctx.channel,
        user: ctx.user,
        ts: state.nextTs(),
        text,
        blocks,
        via: 'response_url',
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    }
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
