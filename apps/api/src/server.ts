import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';

const SHUTDOWN_DEADLINE_MS = 10_000;

/** Listens, and on SIGTERM/SIGINT stops accepting, drains in-flight requests, then runs `cleanup`. */
export function listen(
  app: Express,
  options: { port: number; host: string; logger: Logger; cleanup: () => Promise<void> },
): Promise<Server> {
  const { logger } = options;
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host, () => resolve(server));
    server.once('error', reject);
    server.keepAliveTimeout = 65_000;

    let isShuttingDown = false;
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
      // Keep-alive connections with no request in flight would hold close() open.
      server.closeIdleConnections();
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  });
}
