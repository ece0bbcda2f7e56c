// HTTP mode only: one repair to Bolt's HTTPReceiver (5.1) at the socket level. It answers a body
// over its 4 MB limit with 413 before reading the body — and before checking the signature, so
// anyone can send one — and leaves the rest of the body unread on a keep-alive connection. The
// next request on that connection is never answered. Behind a proxy that pools upstream
// connections, a genuine Slack request can be the one that hangs. So a connection is kept alive
// only once its request body has been read in full; a response sent before that says
// "Connection: close", and the client opens a fresh connection next time.
//
//   const server = await app.start(port);   // HTTP mode: the node:http server (startApp does this)
//   hardenHttpServer(server);
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export function hardenHttpServer(server: Server): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.complete) return;
    const keepAlive = res.shouldKeepAlive;
    res.shouldKeepAlive = false;
    req.once('end', () => {
      res.shouldKeepAlive = keepAlive;
    });
  });
}
