// Every listener is registered here by its id, and Bolt gets one listener per kind of request
// that routes by a map lookup (issue 11). Bolt runs every listener's matchers for every request
// before the one that matches can ack: with one Bolt listener per button and form (25 of them),
// that was 3–5× a bare Bolt app's work per request, and in a burst every request's ack waits for
// the work of those read before it. `/stat`'s subcommands are routed the same way
// (SUBCOMMANDS in stat-command.ts).
//
//   routes.action(OPEN_SUBMISSION_ACTION_ID, async ({ ack, body, action }) => { … });
//   routes.view(SUBMISSION_CALLBACK_ID, async ({ ack, view }) => { … });
//
// A request no route knows is not answered here; the request wrapper acks it empty
// (middleware/request-context.ts).
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

type Listener<Args> = (args: Args & AllMiddlewareArgs) => Promise<void>;
export type CommandListener = Listener<SlackCommandMiddlewareArgs>;
export type ActionListener = Listener<SlackActionMiddlewareArgs<BlockAction>>;
export type ViewListener = Listener<SlackViewMiddlewareArgs<ViewSubmitAction>>;
export type MessageShortcutListener = Listener<SlackShortcutMiddlewareArgs<MessageShortcut>>;
export type HomeOpenedListener = Listener<SlackEventMiddlewareArgs<'app_home_opened'>>;

export interface Routes {
  /** A slash command, e.g. '/stat'. */
  command(name: string, listener: CommandListener): void;
  /** A block action (a button, a menu) by its action_id. */
  action(actionId: string, listener: ActionListener): void;
  /** A modal's submission by its callback_id. */
  view(callbackId: string, listener: ViewListener): void;
  /** A message shortcut by its callback_id. */
  messageShortcut(callbackId: string, listener: MessageShortcutListener): void;
  /** The app_home_opened event (the only event the app subscribes to). */
  homeOpened(listener: HomeOpenedListener): void;
}

export function createRoutes(app: App): Routes {
  const commands = new Map<string, CommandListener>();
  const actions = new Map<string, ActionListener>();
  const views = new Map<string, ViewListener>();
  const shortcuts = new Map<string, MessageShortcutListener>();
  let homeOpened: HomeOpenedListener | undefined;
  app.command(/.*/, async (args) => commands.get(args.command.command)?.(args));
  app.action<BlockAction>({ type: 'block_actions' }, async (args) => actions.get(args.action.action_id)?.(args));
  app.view<ViewSubmitAction>({ type: 'view_submission' }, async (args) => views.get(args.view.callback_id)?.(args));
  app.shortcut<MessageShortcut>({ type: 'message_action' }, async (args) =>
    shortcuts.get(args.shortcut.callback_id)?.(args),
  );
  app.event('app_home_opened', async (args) => homeOpened?.(args));
  const add = <L>(map: Map<string, L>, kind: string, id: string, listener: L) => {
    if (map.has(id)) throw new Error(`two listeners for the ${kind} "${id}"`);
    map.set(id, listener);
  };
  return {
    command: (name, listener) => add(commands, 'command', name, listener),
    action: (actionId, listener) => add(actions, 'action', actionId, listener),
    view: (callbackId, listener) => add(views, 'view', callbackId, listener),
    messageShortcut: (callbackId, listener) => add(shortcuts, 'message shortcut', callbackId, listener),
    homeOpened(listener) {
      if (homeOpened) throw new Error('two listeners for app_home_opened');
      homeOpened = listener;
    },
  };
}
