// Requests broken at the transport: unsigned, not JSON, too big, not anything Slack sends.
import type { HostileCase } from './types.js';

const form = 'application/x-www-form-urlencoded';

export const TRANSPORT_CASES: HostileCase[] = [
  {
    name: 'no signature at all',
    expect: 'rejected',
    send: ({ driver }) =>
      driver.sendRaw(new URLSearchParams({ command: '/stat', text: 'export', user_id: 'U0CHAIR01' }).toString(), {
        'content-type': form,
      }),
  },
  {
    name: 'event body that is not JSON',
    expect: 'rejected',
    send: ({ raw }) => raw.send('{"type":"event_callback",', 'application/json'),
  },
  {
    name: 'interactive payload that is not JSON',
    expect: 'rejected',
    send: ({ raw }) => raw.send('payload=%7Bnot%20json', form),
  },
  { name: 'ssl_check probe', expect: 'ignored', send: ({ raw }) => raw.send('ssl_check=1&token=x', form) },
  { name: 'JSON body that is an array', expect: 'ignored', send: ({ raw }) => raw.event('[]') },
  {
    name: 'form body with neither payload nor command',
    expect: 'ignored',
    send: ({ raw }) => raw.send('foo=bar&user_id=U0CHAIR01', form),
  },
  {
    name: 'interactive payload of an unknown type',
    expect: 'ignored',
    send: ({ raw }) => raw.interactive({ type: 'nonsense', user: { id: 'U0CHAIR01' } }),
  },
  {
    name: 'event_callback without an event',
    expect: 'ignored',
    send: ({ raw }) =>
      raw.event({ type: 'event_callback', team_id: 'T0SANDBOX', api_app_id: 'A0SANDBOX', event_id: 'Ev0NOEVENT' }),
  },
];

/**
 * Bolt answers 413 without reading the body and leaves the keep-alive connection stuck (see
 * src/handlers/middleware/harden-http-server.ts); the test's HTTP client would reuse it, so this
 * case runs last.
 */
export const OVERSIZED_BODY: HostileCase = {
  name: 'a 4.5 MB body',
  expect: 'rejected',
  send: ({ raw }) =>
    raw.send(
      new URLSearchParams({ command: '/stat', text: 'x'.repeat(4.5 * 1024 * 1024), user_id: 'U0CHAIR01' }).toString(),
      form,
    ),
};
