// Builds the payloads Slack sends to an app (slash commands, block_actions, view_submission,
// view_closed, message_action, event_callback) from sandbox state, so a test drives the bot with
// what Slack would really send: real trigger_ids and response_urls, the stored message or view,
// every input block in state.values. Mistakes Slack's UI would make impossible (clicking a
// button that is not there, submitting an empty required input) throw in the test.

import { SANDBOX_IDS } from './sandbox-state.js';
import type { StoredView } from './sandbox-types.js';
import { messageObject, viewObject } from './slack-objects.js';
import type { SlackSandbox } from './slack-sandbox.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One input's value in `view.state.values[blockId][actionId]`, as Slack sends it. */
export interface StateValue {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_date_time?: number | null;
  selected_user?: string | null;
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_channel?: string | null;
  selected_option?: { text: { type: 'plain_text'; text: string; emoji?: boolean }; value: string } | null;
  selected_options?: { text: { type: 'plain_text'; text: string; emoji?: boolean }; value: string }[];
  [key: string]: unknown;
}
export type StateValues = Record<string, Record<string, StateValue>>;

export interface SlashCommandOptions {
  command: string;
  text?: string;
  userId: string;
  /** Default: the user's DM with the bot. */
  channelId?: string;
}

export interface BlockActionOptions {
  userId: string;
  actionId: string;
  blockId?: string;
  /** Button value, or the value typed into a dispatch_action input. Default: the button's own value. */
  value?: string;
  /** A select/overflow/radio choice: an option value (looked up in the element) or a full option. */
  selectedOption?: string | { text: { type: 'plain_text'; text: string }; value: string };
  /** Other action fields verbatim, e.g. { selected_date: '2025-01-31' } or { selected_user: 'U1' }. */
  fields?: Obj;
  /** Element type when there is no message/view to find it in. */
  type?: string;
  /** An action inside a modal or App Home. */
  viewId?: string;
  view?: StoredView;
  /** Current modal inputs (state.values) when the action comes from a modal. */
  values?: StateValues;
  /** An action on a message: channel + the message's ts. */
  channelId?: string;
  messageTs?: string;
  /** Overrides the computed container. */
  container?: Obj;
}

export interface ViewSubmissionOptions {
  userId: string;
  /** The stored view (from sandbox.openViews()) or, to skip the sandbox's modal state, just ids. */
  view: StoredView | { callback_id: string; private_metadata?: string; id?: string };
  values?: StateValues;
}

export interface ViewClosedOptions {
  userId: string;
  view: StoredView;
  isCleared?: boolean;
}

export interface MessageShortcutOptions {
  userId: string;
  callbackId: string;
  message: { text: string; ts: string; user: string };
  channelId: string;
}

export type EventOptions = { type: string; [key: string]: unknown };

export type Built =
  | { kind: 'slash_command'; fields: Record<string, string>; triggerId: string; responseUrl: string }
  | {
      kind: 'block_actions' | 'view_submission' | 'view_closed' | 'message_action';
      payload: Obj;
      triggerId?: string;
      responseUrl?: string;
      view?: StoredView;
    }
  | { kind: 'event'; body: Obj };

export class InteractionPayloads {
  constructor(private readonly sandbox: SlackSandbox) {}

  private userRef(userId: string): Obj {
    const u = this.sandbox.state.users.get(userId);
    return {
      id: userId,
      username: u?.name ?? userId.toLowerCase(),
      name: u?.name ?? userId.toLowerCase(),
      team_id: SANDBOX_IDS.teamId,
    };
  }

  private channelRef(channelId: string): { id: string; name: string } {
    const c = this.sandbox.state.channels.get(channelId);
    if (!c || c.isIm || channelId.startsWith('D')) return { id: channelId, name: 'directmessage' };
    return { id: c.id, name: c.isMpim ? 'mpdm' : c.name };
  }

  private readonly team = { id: SANDBOX_IDS.teamId, domain: SANDBOX_IDS.teamDomain };

  slashCommand(o: SlashCommandOptions): Built {
    const channelId = o.channelId ?? this.sandbox.state.dmChannelFor(o.userId).id;
    const channel = this.channelRef(channelId);
    const triggerId = this.sandbox.issueTriggerId(o.userId);
    const responseUrl = this.sandbox.newResponseUrl({ channel: channelId, user: o.userId });
    const fields: Record<string, string> = {
      token: SANDBOX_IDS.verificationToken,
      team_id: SANDBOX_IDS.teamId,
      team_domain: SANDBOX_IDS.teamDomain,
      channel_id: channelId,
      channel_name: channel.name,
      user_id: o.userId,
      user_name: this.sandbox.state.users.get(o.userId)?.name ?? o.userId.toLowerCase(),
      command: o.command,
      text: o.text ?? '',
      api_app_id: SANDBOX_IDS.appId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
    };
    return { kind: 'slash_command', fields, triggerId, responseUrl };
  }

  blockAction(o: BlockActionOptions): Built {
    const triggerId = this.sandbox.issueTriggerId(o.userId);
    const actionTs = String(this.sandbox.state.now() / 1000);
    const view = o.view ? (this.sandbox.view(o.view.id) ?? o.view) : o.viewId ? this.sandbox.view(o.viewId) : undefined;
    if (o.viewId && !view) throw new Error(`blockAction: no view ${o.viewId} in the sandbox`);
    let blocks: unknown[] | undefined;
    let responseUrl: string | undefined;
    let container: Obj;
    const payload: Obj = {
      type: 'block_actions',
      user: this.userRef(o.userId),
      api_app_id: SANDBOX_IDS.appId,
      token: SANDBOX_IDS.verificationToken,
      trigger_id: triggerId,
      team: this.team,
      enterprise: null,
      is_enterprise_install: false,
    };
    if (view) {
      const values = { ...view.state.values, ...(o.values ?? {}) };
      view.state.values = values;
      blocks = view.blocks;
      container = { type: 'view', view_id: view.id };
      payload.view = viewObject(view);
    } else if (o.channelId && o.messageTs) {
      const message = this.sandbox.state.findMessage(o.channelId, o.messageTs);
      const ephemeral = this.sandbox.state.ephemerals.find((e) => e.channel === o.channelId && e.ts === o.messageTs);
      if (!message && !ephemeral) throw new Error(`blockAction: no message ${o.messageTs} in ${o.channelId}`);
      blocks = message?.blocks ?? ephemeral?.blocks;
      container = { type: 'message', message_ts: o.messageTs, channel_id: o.channelId, is_ephemeral: !message };
      responseUrl = this.sandbox.newResponseUrl({
        channel: o.channelId,
        user: o.userId,
        ...(message ? { messageTs: o.messageTs } : {}),
      });
      payload.channel = this.channelRef(o.channelId);
      // Slack omits the message for ephemeral sources.
      if (message)
        payload.message = messageObject(message, (id) => this.sandbox.state.files.get(id), this.sandbox.baseUrl);
      payload.state = { values: {} };
      payload.response_url = responseUrl;
    } else {
      if (!o.type)
        throw new Error('blockAction: give channelId+messageTs or a view, or `type` for a free-standing action');
      container = o.container ?? { type: 'message' };
    }
    const found = blocks ? findElement(blocks, o.actionId, o.blockId) : undefined;
    if (blocks && !found) {
      throw new Error(
        `blockAction: no element with action_id "${o.actionId}"${o.blockId ? ` in block "${o.blockId}"` : ''} on that ${view ? 'view' : 'message'}`,
      );
    }
    const el = found?.element ?? {};
    const type = o.type ?? (typeof el.type === 'string' ? el.type : 'button');
    const action: Obj = {
      type,
      action_id: o.actionId,
      block_id: o.blockId ?? found?.blockId ?? 'sandbox_block',
      action_ts: actionTs,
    };
    if (type === 'button') {
      action.text = el.text ?? { type: 'plain_text', text: o.actionId };
      const value = o.value ?? (typeof el.value === 'string' ? el.value : undefined);
      if (value !== undefined) action.value = value;
      if (el.style !== undefined) action.style = el.style;
    } else if (o.value !== undefined) {
      action.value = o.value;
    }
    if (o.selectedOption !== undefined) action.selected_option = resolveOption(el, o.selectedOption, o.actionId);
    Object.assign(action, o.fields ?? {});
    payload.container = o.container ?? container;
    payload.actions = [action];
    return {
      kind: 'block_actions',
      payload,
      triggerId,
      ...(responseUrl ? { responseUrl } : {}),
      ...(view ? { view } : {}),
    };
  }

  viewSubmission(o: ViewSubmissionOptions): Built {
    const triggerId = this.sandbox.issueTriggerId(o.userId);
    const stored = o.view.id ? this.sandbox.view(o.view.id) : undefined;
    let viewJson: Obj;
    if (stored) {
      if (stored.type !== 'modal' || !stored.open)
        throw new Error(`viewSubmission: view ${stored.id} is not an open modal; Slack cannot submit it`);
      if (stored.user !== o.userId)
        throw new Error(`viewSubmission: view ${stored.id} is open for ${stored.user}, not ${o.userId}`);
      stored.state.values = completeValues(stored, o.values ?? {});
      viewJson = viewObject(stored);
    } else {
      // Ids only: a free-standing submission the sandbox does not track.
      viewJson = {
        id: o.view.id ?? 'VSANDBOXSYNTH',
        team_id: SANDBOX_IDS.teamId,
        type: 'modal',
        callback_id: o.view.callback_id,
        private_metadata: o.view.private_metadata ?? '',
        blocks: [],
        state: { values: o.values ?? {} },
        hash: '1700000000.sandbox',
        app_id: SANDBOX_IDS.appId,
        bot_id: SANDBOX_IDS.botId,
      };
    }
    const payload: Obj = {
      type: 'view_submission',
      team: this.team,
      user: this.userRef(o.userId),
      api_app_id: SANDBOX_IDS.appId,
      token: SANDBOX_IDS.verificationToken,
      trigger_id: triggerId,
      view: viewJson,
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    return { kind: 'view_submission', payload, triggerId, ...(stored ? { view: stored } : {}) };
  }

  viewClosed(o: ViewClosedOptions): Built {
    const stored = this.sandbox.view(o.view.id);
    if (!stored?.open) throw new Error(`viewClosed: view ${o.view.id} is not open`);
    if (!stored.notify_on_close) {
      this.sandbox.violation(
        'view_closed',
        `view ${stored.id} has notify_on_close: false, so Slack never sends view_closed for it`,
      );
    }
    const stack = this.sandbox.state.modalStacks.get(stored.user) ?? [];
    // Slack closes the view first, then tells the app.
    this.sandbox.state.closeViews(stored.user, o.isCleared ? 0 : Math.max(0, stack.indexOf(stored.id)));
    const payload: Obj = {
      type: 'view_closed',
      team: this.team,
      user: this.userRef(o.userId),
      api_app_id: SANDBOX_IDS.appId,
      token: SANDBOX_IDS.verificationToken,
      view: viewObject(stored),
      is_cleared: o.isCleared ?? false,
      is_enterprise_install: false,
      enterprise: null,
    };
    return { kind: 'view_closed', payload, view: stored };
  }

  messageShortcut(o: MessageShortcutOptions): Built {
    const triggerId = this.sandbox.issueTriggerId(o.userId);
    const responseUrl = this.sandbox.newResponseUrl({ channel: o.channelId, user: o.userId });
    const payload: Obj = {
      type: 'message_action',
      token: SANDBOX_IDS.verificationToken,
      action_ts: String(this.sandbox.state.now() / 1000),
      team: this.team,
      user: this.userRef(o.userId),
      channel: this.channelRef(o.channelId),
      is_enterprise_install: false,
      enterprise: null,
      callback_id: o.callbackId,
      trigger_id: triggerId,
      response_url: responseUrl,
      message_ts: o.message.ts,
      message: {
        type: 'message',
        text: o.message.text,
        user: o.message.user,
        ts: o.message.ts,
        team: SANDBOX_IDS.teamId,
      },
    };
    return { kind: 'message_action', payload, triggerId, responseUrl };
  }

  event(ev: EventOptions): Built {
    const now = this.sandbox.state.now();
    const body: Obj = {
      token: SANDBOX_IDS.verificationToken,
      team_id: SANDBOX_IDS.teamId,
      context_team_id: SANDBOX_IDS.teamId,
      api_app_id: SANDBOX_IDS.appId,
      event: { event_ts: (now / 1000).toFixed(6), ...ev },
      type: 'event_callback',
      event_id: this.sandbox.state.newId('Ev'),
      event_time: Math.floor(now / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: SANDBOX_IDS.teamId,
          user_id: SANDBOX_IDS.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-sandbox-${this.sandbox.state.newId('')}`,
    };
    return { kind: 'event', body };
  }

  appHomeOpened(userId: string, tab: 'home' | 'messages' = 'home'): Built {
    const home = this.sandbox.homeView(userId);
    return this.event({
      type: 'app_home_opened',
      user: userId,
      channel: this.sandbox.dmChannelId(userId),
      tab,
      ...(tab === 'home' && home ? { view: viewObject(home) } : {}),
    });
  }
}

function findElement(
  blocks: unknown[],
  actionId: string,
  blockId?: string,
): { element: Obj; blockId: string } | undefined {
  for (const block of blocks) {
    if (!isObj(block)) continue;
    const id = typeof block.block_id === 'string' ? block.block_id : undefined;
    if (blockId !== undefined && id !== blockId) continue;
    const candidates: unknown[] = [
      ...(Array.isArray(block.elements) ? block.elements : []),
      block.accessory,
      block.element,
    ];
    for (const el of candidates) {
      if (isObj(el) && el.action_id === actionId) return { element: el, blockId: id ?? 'sandbox_block' };
    }
  }
  return undefined;
}

function resolveOption(el: Obj, choice: NonNullable<BlockActionOptions['selectedOption']>, actionId: string): Obj {
  if (typeof choice !== 'string') return choice;
  const groups = Array.isArray(el.option_groups)
    ? el.option_groups.flatMap((g) => (isObj(g) && Array.isArray(g.options) ? g.options : []))
    : [];
  const options = [...(Array.isArray(el.options) ? el.options : []), ...groups];
  const hit = options.find((opt) => isObj(opt) && opt.value === choice);
  if (!hit && options.length > 0)
    throw new Error(`blockAction: element "${actionId}" has no option with value "${choice}"`);
  return isObj(hit) ? hit : { text: { type: 'plain_text', text: choice }, value: choice };
}

/** Empty value for an input element of `type`, as Slack reports an untouched input. */
/** What Slack submits for an input the person did not touch: its initial value, if it has one. */
function initialValue(el: Obj, type: string): StateValue {
  const empty = emptyValue(type);
  if (typeof el.initial_value === 'string') return { ...empty, value: el.initial_value };
  if (typeof el.initial_date === 'string') return { ...empty, selected_date: el.initial_date };
  if (typeof el.initial_time === 'string') return { ...empty, selected_time: el.initial_time };
  if (typeof el.initial_user === 'string') return { ...empty, selected_user: el.initial_user };
  if (typeof el.initial_conversation === 'string') return { ...empty, selected_conversation: el.initial_conversation };
  if (typeof el.initial_channel === 'string') return { ...empty, selected_channel: el.initial_channel };
  if (isObj(el.initial_option))
    return { ...empty, selected_option: el.initial_option as StateValue['selected_option'] };
  if (Array.isArray(el.initial_options))
    return { ...empty, selected_options: el.initial_options as StateValue['selected_options'] };
  if (Array.isArray(el.initial_users)) return { ...empty, selected_users: el.initial_users as string[] };
  return empty;
}

function emptyValue(type: string): StateValue {
  switch (type) {
    case 'datepicker':
      return { type, selected_date: null };
    case 'timepicker':
      return { type, selected_time: null };
    case 'datetimepicker':
      return { type, selected_date_time: null };
    case 'users_select':
      return { type, selected_user: null };
    case 'conversations_select':
      return { type, selected_conversation: null };
    case 'channels_select':
      return { type, selected_channel: null };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: null };
    case 'checkboxes':
    case 'multi_static_select':
    case 'multi_external_select':
      return { type, selected_options: [] };
    case 'multi_users_select':
      return { type, selected_users: [] };
    case 'multi_conversations_select':
      return { type, selected_conversations: [] };
    case 'multi_channels_select':
      return { type, selected_channels: [] };
    case 'file_input':
      return { type, files: [] };
    case 'rich_text_input':
      return { type, rich_text_value: null };
    default:
      return { type, value: null };
  }
}

function isBlank(v: StateValue): boolean {
  const keys = Object.keys(v).filter((k) => k !== 'type');
  return keys.every((k) => {
    const x = v[k];
    return x === null || x === undefined || x === '' || (Array.isArray(x) && x.length === 0);
  });
}

/**
 * Slack sends every input block in state.values (untouched ones empty) and will not let the user
 * submit a required input empty or an over-long text; the driver holds tests to the same.
 */
function completeValues(view: StoredView, given: StateValues): StateValues {
  const out: StateValues = {};
  const inputs = new Map<string, Obj>();
  for (const b of view.blocks) {
    if (isObj(b) && b.type === 'input' && typeof b.block_id === 'string') inputs.set(b.block_id, b);
  }
  for (const blockId of Object.keys(given)) {
    if (!inputs.has(blockId))
      throw new Error(
        `viewSubmission: view ${view.id} has no input block "${blockId}" (inputs: ${[...inputs.keys()].join(', ') || 'none'})`,
      );
  }
  for (const [blockId, block] of inputs) {
    const el = isObj(block.element) ? block.element : {};
    const actionId = typeof el.action_id === 'string' ? el.action_id : 'sandbox_action';
    const type = typeof el.type === 'string' ? el.type : 'plain_text_input';
    const givenBlock = given[blockId];
    if (givenBlock && !(actionId in givenBlock)) {
      throw new Error(
        `viewSubmission: input block "${blockId}" has action_id "${actionId}", not ${Object.keys(givenBlock)
          .map((k) => `"${k}"`)
          .join(', ')}`,
      );
    }
    const value = givenBlock?.[actionId] ?? initialValue(el, type);
    if (value.type !== type)
      throw new Error(`viewSubmission: "${blockId}" is a ${type}, but the test gave type "${value.type}"`);
    if (block.optional !== true && isBlank(value)) {
      throw new Error(`viewSubmission: input "${blockId}" is required; Slack would not let the user submit it empty`);
    }
    if (typeof value.value === 'string') {
      if (typeof el.max_length === 'number' && value.value.length > el.max_length) {
        throw new Error(
          `viewSubmission: "${blockId}" allows at most ${el.max_length} characters; Slack's client blocks longer input`,
        );
      }
      if (typeof el.min_length === 'number' && value.value.length < el.min_length) {
        throw new Error(
          `viewSubmission: "${blockId}" needs at least ${el.min_length} characters; Slack's client blocks shorter input`,
        );
      }
      if (type === 'number_input' && !Number.isFinite(Number(value.value))) {
        throw new Error(`viewSubmission: "${blockId}" is a number_input; Slack's client only submits numbers`);
      }
    }
    out[blockId] = { [actionId]: value };
  }
  return out;
}
