import type { Server, ServerResponse } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';

const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over 16 KB, a
 * malformed request line) answer in the one error shape too, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'PAYLOAD_TOO_LARGE', '请求地址或请求头过长']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'VALIDATION_FAILED', '请求超时']
          : [400, 'Bad Request', 'VALIDATION_FAILED', '请求格式无效'];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** Listens, and on SIGTERM/SIGINT stops accepting, drains in-flight requests, then runs `cleanup`. */
export function listen(
  app: Express,
  options: { port: number; host: string; logger: Logger; cleanup: () => Promise<void> },
): Promise<Server> {
  const { logger } = options;
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host, () => resolve(server));
    answerClientErrors(server);
    server.once('error', reject);
    server.keepAliveTimeout = 65_000;

    let isShuttingDown = false;
    // While draining, every answer closes its connection, so keep-alive clients cannot keep a
    // connection (and the process) alive by sending request after request on it.
    server.on('request', (_req, res: ServerResponse) => {
      if (isShuttingDown && !res.headersSent) res.setHeader('Connection', 'close');
    });
    const shutdown = (signal: string) => {
      if (isShuttingDown) return;
      isShuttingDown = true;
      logger.info({ signal }, 'shutting down: draining in-flight requests');
      const deadline = setTimeout(() => {
        logger.error('shutdown deadline passed; exiting with requests still open');
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS);
      deadline.unref();
      server.close(async () => {
        try {
          await options.cleanup();
          logger.info('stopped');
          process.exit(0);
        } catch (error) {
          logger.error({ err: error }, 'cleanup failed');
          process.exit(1);
        }
      });
      // Keep-alive connections with no request in flight would hold close() open; requests in
      // flight now leave their connection idle when they finish, so sweep again until closed.
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 50).unref();
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  });
}
