// What the bot answers to an interaction (the ack body) is part of its contract with Slack too:
// a slash command's immediate reply, a view_submission's response_action. The drivers hand
// every ack here; problems become violations, and view_submission acks change the modal stack
// the way Slack would (close, update, push, clear, or stay open with errors).
import type { BlockKitValidator } from './block-kit-validator.js';
import { createView, replaceView } from './methods/index.js';
import type { SandboxState } from './sandbox-state.js';
import type { StoredView } from './sandbox-types.js';
import { LIMITS } from './slack-limits.js';

export type InteractionKind =
  | 'slash_command'
  | 'block_actions'
  | 'view_submission'
  | 'view_closed'
  | 'message_action'
  | 'event';

/** Slack shows the user an error when the ack takes longer than this. */
export const ACK_DEADLINE_MS = 3000;

interface Host {
  readonly state: SandboxState;
  readonly validator: BlockKitValidator;
  violation(method: string, message: string): void;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (isObj(v) && Object.keys(v).length === 0);

const SLASH_ACK_KEYS = new Set([
  'text',
  'blocks',
  'attachments',
  'response_type',
  'mrkdwn',
  'unfurl_links',
  'unfurl_media',
]);

export class AckChecks {
  constructor(private readonly host: Host) {}

  check(kind: InteractionKind, body: unknown, ctx: { ackMs: number; acked: boolean; view?: StoredView }): void {
    const where = `${kind} ack`;
    if (!ctx.acked) {
      this.host.violation(
        where,
        `no ack within ${ACK_DEADLINE_MS} ms; Slack would show the user an error (and retry events)`,
      );
      return;
    }
    if (ctx.ackMs > ACK_DEADLINE_MS) {
      this.host.violation(where, `ack took ${Math.round(ctx.ackMs)} ms; Slack gives up after ${ACK_DEADLINE_MS} ms`);
    }
    if (kind === 'slash_command') this.slashCommand(body);
    if (kind === 'view_submission') this.viewSubmission(body, ctx.view);
  }

  private slashCommand(body: unknown): void {
    if (isEmpty(body) || typeof body === 'string') return;
    if (!isObj(body)) {
      this.host.violation('slash_command ack', 'ack body must be text or a message object');
      return;
    }
    for (const key of Object.keys(body)) {
      if (!SLASH_ACK_KEYS.has(key))
        this.host.violation('slash_command ack', `unknown field "${key}" in the immediate response`);
    }
    if (body.response_type !== undefined && body.response_type !== 'ephemeral' && body.response_type !== 'in_channel') {
      this.host.violation(
        'slash_command ack',
        `response_type must be "ephemeral" or "in_channel", got ${JSON.stringify(body.response_type)}`,
      );
    }
    if (body.blocks !== undefined) {
      for (const e of this.host.validator.messageBlocks(body.blocks))
        this.host.violation('slash_command ack', `invalid_blocks: ${e}`);
    }
  }

  private viewSubmission(body: unknown, view: StoredView | undefined): void {
    const where = 'view_submission ack';
    if (isEmpty(body)) return;
    if (!isObj(body)) {
      this.host.violation(where, 'ack body must be empty or an object with response_action');
      return;
    }
    const action = body.response_action;
    switch (action) {
      case 'errors': {
        if (!isObj(body.errors) || Object.keys(body.errors).length === 0) {
          this.host.violation(
            where,
            'response_action "errors" needs a non-empty `errors` object { block_id: message }',
          );
          return;
        }
        // Slack can only show an error under an input block; any other key makes the whole
        // submission fail with a generic error in the modal.
        const inputIds = view ? inputBlockIds(view) : undefined;
        for (const [blockId, message] of Object.entries(body.errors)) {
          if (typeof message !== 'string' || message === '')
            this.host.violation(where, `errors["${blockId}"] must be a non-empty string`);
          if (inputIds && !inputIds.has(blockId)) {
            this.host.violation(
              where,
              `errors names block_id "${blockId}", which is not an input block of view ${view!.id} (input blocks: ${[...inputIds].join(', ') || 'none'})`,
            );
          }
        }
        return;
      }
      case 'update':
      case 'push':
        for (const e of this.host.validator.view(body.view, 'modal')) this.host.violation(where, `${action}: ${e}`);
        if (action === 'push' && view && this.host.state.openStack(view.user).length >= LIMITS.stackedViews) {
          this.host.violation(
            where,
            `push: ${view.user} already has ${LIMITS.stackedViews} stacked views (push_limit_reached)`,
          );
        }
        return;
      case 'clear':
        return;
      default:
        this.host.violation(
          where,
          `response_action must be errors, update, push or clear, got ${JSON.stringify(action)}`,
        );
    }
  }

  /** Changes the user's modal stack the way Slack does after a view_submission ack. */
  applyViewSubmission(view: StoredView, body: unknown): void {
    const { state } = this.host;
    const stack = state.modalStacks.get(view.user) ?? [];
    const index = stack.indexOf(view.id);
    const action = isObj(body) ? body.response_action : undefined;
    if (action === 'errors') return;
    if (action === 'update' && isObj(body) && isObj(body.view)) {
      replaceView(state, view, body.view);
      return;
    }
    if (action === 'push' && isObj(body) && isObj(body.view) && stack.length < LIMITS.stackedViews) {
      const pushed = createView(state, body.view, view.user, { root: stack[0], previous: view.id });
      stack.push(pushed.id);
      return;
    }
    if (action === 'clear') {
      state.closeViews(view.user);
      return;
    }
    // A plain ack closes the submitted view (and anything above it); the one below shows again.
    state.closeViews(view.user, index >= 0 ? index : stack.length);
  }
}

export function inputBlockIds(view: StoredView): Set<string> {
  const ids = new Set<string>();
  for (const b of view.blocks) {
    if (isObj(b) && b.type === 'input' && typeof b.block_id === 'string') ids.add(b.block_id);
  }
  return ids;
}
