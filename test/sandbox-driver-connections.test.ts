// The HTTP driver keeps connections alive, as a load generator should; an app may close one it
// holds idle just as the driver sends on it. That request never reached the app, so the driver
// sends it once more on a fresh connection instead of failing the test or the bench run.

import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHttpDriver, type SlackSandbox, startSlackSandbox } from '../local-stack/slack-sandbox/index.js';

let sandbox: SlackSandbox;
let server: Server;
let url: string;
/** Requests the server answered, each with the number of the connection it came on. */
let answered: number[];
const sockets = new Set<Socket>();

beforeEach(async () => {
  sandbox = await startSlackSandbox();
  answered = [];
  let opened = 0;
  // A minimal HTTP/1.1 server (each small request arrives in one chunk on loopback), so that the
  // first connection can be reset before its second request is read: what an app's idle timeout
  // does to a kept-alive connection the driver is about to reuse.
  server = createServer((socket) => {
    const connection = ++opened;
    sockets.add(socket);
    let requests = 0;
    socket.on('data', () => {
      if (connection === 1 && ++requests === 2) {
        socket.resetAndDestroy();
        return;
      }
      answered.push(connection);
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n');
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((closed) => server.close(closed));
  await sandbox.close();
});

it('sends a request again on a fresh connection when the kept-alive one was closed under it', async () => {
  const driver = createHttpDriver({ url, sandbox });
  const first = await driver.sendRaw('a=1', { 'content-type': 'application/x-www-form-urlencoded' });
  const second = await driver.sendRaw('a=2', { 'content-type': 'application/x-www-form-urlencoded' });
  expect([first.status, second.status]).toEqual([200, 200]);
  // The second request went out on connection 1 (reused), was reset unread, and was answered on 2.
  expect(answered).toEqual([1, 2]);
});
