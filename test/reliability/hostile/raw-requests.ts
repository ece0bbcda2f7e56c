// Signed requests built by hand, for payloads the sandbox's driver would refuse to build (a button
// value no message carries, forged private_metadata, a field of the wrong type). Each is signed
// with the real secret, so it reaches the app exactly as a Slack request would.
import {
  type HttpDriver,
  SANDBOX_IDS,
  type SlackSandbox,
  slackSignature,
} from '../../../local-stack/slack-sandbox/index.js';

type Obj = Record<string, unknown>;

export interface RawResult {
  status: number;
  body: unknown;
  /** The response_url given to the app with this request (where `respond()` lands). */
  responseUrl?: string;
}

export class RawSlack {
  constructor(
    private readonly driver: HttpDriver,
    private readonly sandbox: SlackSandbox,
  ) {}

  /** Posts `body` with a valid signature (or none/forged, to test that path). */
  async send(body: string, contentType: string, extraHeaders: Record<string, string> = {}): Promise<RawResult> {
    const ts = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(this.sandbox.signingSecret, ts, body),
      ...extraHeaders,
    };
    return this.driver.sendRaw(body, headers);
  }

  /** An interactive payload (`payload=<json>`); a string is sent verbatim as the JSON. */
  async interactive(payload: Obj | string, responseUrl?: string): Promise<RawResult> {
    const json = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return {
      ...(await this.send(new URLSearchParams({ payload: json }).toString(), 'application/x-www-form-urlencoded')),
      ...(responseUrl ? { responseUrl } : {}),
    };
  }

  async event(body: Obj | string, extraHeaders: Record<string, string> = {}): Promise<RawResult> {
    return this.send(typeof body === 'string' ? body : JSON.stringify(body), 'application/json', extraHeaders);
  }

  /** block_actions on a message in the user's DM, with whatever action fields the test forges. */
  async button(userId: string, action: Obj): Promise<RawResult> {
    const channel = this.sandbox.dmChannelId(userId);
    const responseUrl = this.sandbox.newResponseUrl({ channel, user: userId });
    return this.interactive(
      {
        type: 'block_actions',
        user: this.user(userId),
        api_app_id: SANDBOX_IDS.appId,
        token: SANDBOX_IDS.verificationToken,
        trigger_id: this.sandbox.issueTriggerId(userId),
        team: this.team,
        enterprise: null,
        is_enterprise_install: false,
        container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: false },
        channel: { id: channel, name: 'directmessage' },
        state: { values: {} },
        response_url: responseUrl,
        actions: [
          {
            type: 'button',
            block_id: 'b',
            action_ts: '1700000000.000200',
            text: { type: 'plain_text', text: 'x' },
            ...action,
          },
        ],
      },
      responseUrl,
    );
  }

  /** view_submission of a modal the sandbox never opened: callback id, metadata and state forged. */
  async submit(
    userId: string,
    view: { callback_id: string; private_metadata?: string; state?: unknown },
  ): Promise<RawResult> {
    return this.interactive({
      type: 'view_submission',
      team: this.team,
      user: this.user(userId),
      api_app_id: SANDBOX_IDS.appId,
      token: SANDBOX_IDS.verificationToken,
      trigger_id: this.sandbox.issueTriggerId(userId),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
      view: {
        id: `VFORGED${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        team_id: SANDBOX_IDS.teamId,
        type: 'modal',
        blocks: [],
        private_metadata: view.private_metadata ?? '',
        callback_id: view.callback_id,
        state: view.state ?? { values: {} },
        hash: `${Date.now()}.forged`,
        app_id: SANDBOX_IDS.appId,
        bot_id: SANDBOX_IDS.botId,
      },
    });
  }

  appEvent(event: Obj, eventId?: string): Obj {
    return eventCallback(event, eventId);
  }

  private user(userId: string): Obj {
    return { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: SANDBOX_IDS.teamId };
  }

  private readonly team = { id: SANDBOX_IDS.teamId, domain: SANDBOX_IDS.teamDomain };
}

/** An Events API body around `event`, as Slack wraps it. */
export function eventCallback(event: Obj, eventId = `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`): Obj {
  return {
    token: SANDBOX_IDS.verificationToken,
    team_id: SANDBOX_IDS.teamId,
    api_app_id: SANDBOX_IDS.appId,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { event_ts: (Date.now() / 1000).toFixed(6), ...event },
    authorizations: [
      {
        enterprise_id: null,
        team_id: SANDBOX_IDS.teamId,
        user_id: SANDBOX_IDS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
  };
}
