// Content rules a Web API call must meet before its method runs: Block Kit for messages and
// views, and Slack's `text` rules. A failure is answered the way Slack does and is a violation.
import type { BlockKitValidator } from './block-kit-validator.js';
import type { SlackArgs } from './sandbox-types.js';
import { LIMITS } from './slack-limits.js';

export interface PayloadProblem {
  error:
    | 'invalid_blocks'
    | 'invalid_arguments'
    | 'no_text'
    | 'msg_too_long'
    | 'markdown_text_conflict'
    | 'invalid_metadata_format';
  errors: string[];
}

/** Methods whose `blocks` arg is a message's blocks. */
const MESSAGE_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.scheduleMessage',
  'files.completeUploadExternal',
]);
/** Methods that create a message and so need something to show. */
const NEEDS_CONTENT = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.scheduleMessage', 'chat.update']);
const VIEW_METHODS: Record<string, 'modal' | 'home' | undefined> = {
  'views.open': 'modal',
  'views.push': 'modal',
  'views.publish': 'home',
  'views.update': undefined,
};

const nonEmpty = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null;

export function checkPayload(
  method: string,
  args: SlackArgs,
  validator: BlockKitValidator,
): PayloadProblem | undefined {
  if (MESSAGE_METHODS.has(method)) {
    // `blocks: []` is allowed: chat.update uses it to remove a message's blocks.
    if (args.blocks !== undefined && !(Array.isArray(args.blocks) && args.blocks.length === 0)) {
      const errors = validator.messageBlocks(args.blocks);
      if (errors.length) return { error: 'invalid_blocks', errors };
    }
    if (NEEDS_CONTENT.has(method)) {
      const hasMarkdown = nonEmpty(args.markdown_text);
      if (hasMarkdown && (nonEmpty(args.text) || nonEmpty(args.blocks))) {
        return { error: 'markdown_text_conflict', errors: ['markdown_text cannot be combined with text or blocks'] };
      }
      const content = ['text', 'blocks', 'attachments', 'markdown_text', 'file_ids'].some((k) => nonEmpty(args[k]));
      if (!content)
        return { error: 'no_text', errors: ['a message needs `text` (the notification fallback) or `blocks`'] };
      if (typeof args.text === 'string' && args.text.length > LIMITS.messageText) {
        return {
          error: 'msg_too_long',
          errors: [`text is ${args.text.length} characters; Slack's limit is ${LIMITS.messageText}`],
        };
      }
    }
  }
  // Message metadata: `{ event_type, event_payload }`, event_type a short snake_case name, payload an object.
  if (args.metadata !== undefined && args.metadata !== null && args.metadata !== '') {
    const problem = metadataProblem(args.metadata);
    if (problem) return { error: 'invalid_metadata_format', errors: [problem] };
  }
  if (method in VIEW_METHODS) {
    const errors = validator.view(args.view, VIEW_METHODS[method]);
    // Slack reports view problems as invalid_arguments with json-pointers, not invalid_blocks.
    if (errors.length) return { error: 'invalid_arguments', errors };
  }
  return undefined;
}

function metadataProblem(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || Array.isArray(metadata)) return 'metadata must be a JSON object';
  const m = metadata as { event_type?: unknown; event_payload?: unknown };
  if (typeof m.event_type !== 'string' || !/^[a-z0-9_]{1,255}$/.test(m.event_type))
    return 'metadata.event_type must be a snake_case string';
  if (typeof m.event_payload !== 'object' || m.event_payload === null || Array.isArray(m.event_payload))
    return 'metadata.event_payload must be an object';
  return undefined;
}
