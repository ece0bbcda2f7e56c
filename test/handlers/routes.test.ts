// The routes: each request reaches the one listener registered for its id, through one Bolt
// listener per kind of request (issue 11: Bolt runs every listener's matchers for every request).
import { App, HTTPReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { registerHandlers } from '../../src/handlers/index.js';
import { createRoutes } from '../../src/handlers/routes.js';

// `authorize` answers from memory: no auth.test call to Slack.
const newApp = () =>
  new App({
    receiver: new HTTPReceiver({ signingSecret: 's' }),
    authorize: async () => ({ botToken: 'xoxb-test', botId: 'B1', botUserId: 'UBOT' }),
  });

/** Bolt's registered listeners (what it runs for every request). */
const boltListeners = (app: App) => (app as unknown as { listeners: unknown[] }).listeners.length;

function buttonClick(actionId: string) {
  return {
    type: 'block_actions',
    user: { id: 'U1', username: 'u', team_id: 'T1' },
    api_app_id: 'A1',
    token: 't',
    container: { type: 'message', message_ts: '1.1', channel_id: 'D1', is_ephemeral: false },
    trigger_id: '1.2.3',
    team: { id: 'T1', domain: 'x' },
    channel: { id: 'D1', name: 'dm' },
    message: { type: 'message', ts: '1.1', text: 'x' },
    actions: [{ action_id: actionId, block_id: 'b', value: 'v', type: 'button', action_ts: '1.2' }],
  };
}

async function deliver(app: App, body: object): Promise<boolean> {
  let acked = false;
  await app.processEvent({
    body,
    ack: async () => {
      acked = true;
    },
  });
  return acked;
}

describe('routes', () => {
  it('send a button to the listener of its action_id only; an unknown one reaches none', async () => {
    const app = newApp();
    const routes = createRoutes(app);
    const heard: string[] = [];
    for (const id of ['first', 'second'])
      routes.action(id, async ({ ack, action }) => {
        heard.push(`${id}:${action.action_id}`);
        await ack();
      });
    expect(await deliver(app, buttonClick('second'))).toBe(true);
    expect(await deliver(app, buttonClick('retired'))).toBe(false);
    expect(heard).toEqual(['second:second']);
  });

  it('refuse a second listener for the same id', () => {
    const routes = createRoutes(newApp());
    routes.view('stat_form', async () => {});
    expect(() => routes.view('stat_form', async () => {})).toThrow(/two listeners for the view "stat_form"/);
  });

  it("give Bolt one listener per kind of request, whatever the number of the app's buttons and forms", () => {
    const app = newApp();
    registerHandlers(app, {} as never);
    // command, block action, view submission, message shortcut, app_home_opened
    expect(boltListeners(app)).toBe(5);
  });
});
