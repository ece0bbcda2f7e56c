// views.*: modals need a fresh trigger_id, stack up to 3 deep, and are updated by id + hash;
// App Home is one published view per user. The view JSON itself was validated before.
import { randomBytes } from 'node:crypto';
import { SANDBOX_IDS, type SandboxState } from '../sandbox-state.js';
import type { StoredView } from '../sandbox-types.js';
import { LIMITS } from '../slack-limits.js';
import { viewObject } from '../slack-objects.js';
import { fail, type MethodHandler, str } from './method-handler.js';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

export function newHash(state: SandboxState): string {
  return `${Math.floor(state.now() / 1000)}.${randomBytes(4).toString('hex')}`;
}

/** Builds the stored view Slack would return for `input` (a validated modal/home payload). */
export function createView(
  state: SandboxState,
  input: Obj,
  user: string,
  links: { root?: string; previous?: string } = {},
): StoredView {
  const id = state.newId('V');
  const view: StoredView = {
    id,
    team_id: SANDBOX_IDS.teamId,
    type: input.type === 'home' ? 'home' : 'modal',
    blocks: Array.isArray(input.blocks) ? structuredClone(input.blocks) : [],
    private_metadata: str(input.private_metadata) ?? '',
    callback_id: str(input.callback_id) ?? '',
    external_id: str(input.external_id) ?? '',
    state: { values: {} },
    hash: newHash(state),
    clear_on_close: input.clear_on_close === true,
    notify_on_close: input.notify_on_close === true,
    root_view_id: links.root ?? id,
    previous_view_id: links.previous ?? null,
    app_id: SANDBOX_IDS.appId,
    bot_id: SANDBOX_IDS.botId,
    app_installed_team_id: SANDBOX_IDS.teamId,
    user,
    open: true,
    ...(input.title !== undefined ? { title: structuredClone(input.title) } : {}),
    ...(input.submit !== undefined ? { submit: structuredClone(input.submit) } : {}),
    ...(input.close !== undefined ? { close: structuredClone(input.close) } : {}),
  };
  state.views.set(id, view);
  return view;
}

/** Replaces a view's content in place (views.update, response_action: update): same id, new hash. */
export function replaceView(state: SandboxState, view: StoredView, input: Obj): void {
  view.blocks = Array.isArray(input.blocks) ? structuredClone(input.blocks) : [];
  view.private_metadata = str(input.private_metadata) ?? '';
  view.callback_id = str(input.callback_id) ?? view.callback_id;
  view.external_id = str(input.external_id) ?? view.external_id;
  view.clear_on_close = input.clear_on_close === true;
  view.notify_on_close = input.notify_on_close === true;
  for (const key of ['title', 'submit', 'close'] as const) {
    if (input[key] === undefined) delete view[key];
    else view[key] = structuredClone(input[key]);
  }
  view.hash = newHash(state);
}

function duplicateExternalId(state: SandboxState, externalId: unknown, except?: string): boolean {
  if (typeof externalId !== 'string' || externalId === '') return false;
  return [...state.views.values()].some((v) => v.open && v.external_id === externalId && v.id !== except);
}

const open: MethodHandler = ({ args, state }) => {
  const trigger = state.consumeTrigger(args.trigger_id ?? args.interactivity_pointer);
  if (!trigger.ok) return fail(trigger.error);
  const input = asObj(args.view);
  if (duplicateExternalId(state, input.external_id)) return fail('duplicate_external_id');
  const user = trigger.userId ?? 'UNKNOWN';
  // A new modal replaces whatever stack the user had open.
  state.closeViews(user);
  const view = createView(state, input, user);
  state.modalStacks.set(user, [view.id]);
  return { ok: true, view: viewObject(view) };
};

const push: MethodHandler = ({ args, state }) => {
  const trigger = state.consumeTrigger(args.trigger_id ?? args.interactivity_pointer);
  if (!trigger.ok) return fail(trigger.error);
  const user = trigger.userId ?? 'UNKNOWN';
  const stack = state.modalStacks.get(user) ?? [];
  // Pushing needs a modal on screen: the trigger must come from an interaction inside one.
  if (stack.length === 0) return fail('not_found');
  if (stack.length >= LIMITS.stackedViews) return fail('push_limit_reached');
  const input = asObj(args.view);
  if (duplicateExternalId(state, input.external_id)) return fail('duplicate_external_id');
  const view = createView(state, input, user, { root: stack[0], previous: stack[stack.length - 1] });
  stack.push(view.id);
  return { ok: true, view: viewObject(view) };
};

const update: MethodHandler = ({ args, state }) => {
  const viewId = str(args.view_id);
  const externalId = str(args.external_id);
  const view = viewId
    ? state.views.get(viewId)
    : [...state.views.values()].find((v) => v.open && externalId !== undefined && v.external_id === externalId);
  if (!view?.open) return fail('not_found');
  const input = asObj(args.view);
  // The hash guards against a stale update overwriting a newer one (Slack: hash_conflict).
  if (args.hash !== undefined && args.hash !== view.hash) return fail('hash_conflict');
  if (duplicateExternalId(state, input.external_id, view.id)) return fail('duplicate_external_id');
  replaceView(state, view, input);
  return { ok: true, view: viewObject(view) };
};

const publish: MethodHandler = ({ args, state }) => {
  const userId = str(args.user_id) ?? '';
  if (!state.users.has(userId)) return fail('user_not_found');
  const input = asObj(args.view);
  const currentId = state.homeViews.get(userId);
  const current = currentId ? state.views.get(currentId) : undefined;
  if (args.hash !== undefined && current && args.hash !== current.hash) return fail('hash_conflict');
  if (current) {
    replaceView(state, current, input);
    return { ok: true, view: viewObject(current) };
  }
  const view = createView(state, input, userId);
  state.homeViews.set(userId, view.id);
  return { ok: true, view: viewObject(view) };
};

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
