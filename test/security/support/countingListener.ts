import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An attacker's HTTP server: it answers 200 to anything and counts every request it gets. */
export class CountingListener {
  requests = 0;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(host: string): Promise<CountingListener> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as AddressInfo;
    const listener = new CountingListener(server, `http://${host}:${port}/`);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      listener.requests += 1;
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end('{"id":"stolen"}');
    });
    return listener;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
