import 'reflect-metadata';
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';
import { connectShared, createServices, type Services } from './services';
import { getSchema } from './graphql/schema';
import type { Context } from './graphql/context';
import { createFormatError } from './graphql/format-error';
import { CompiledOperations } from './graphql/compiled-operations';
import { resolveCaller } from './http/authenticate';
import { createHttpMetrics } from './http/metrics';
import { partnerFastPath } from './http/partner-fast-path';
import { bodyErrorHandler, MAX_BODY_BYTES } from './http/request-errors';
import { mountSpa } from './http/spa';
import { logoHandler } from './modules/shops/logo.route';
import { listenForLoggingSignal } from './modules/request-logs/logging-signal';
import { requestLogPlugin } from './modules/request-logs/request-log.plugin';
import { quitRedis } from './redis';

export interface App {
  server: http.Server;
  services: Services;
  /** Stops accepting requests, drains in-flight work, closes the database. */
  close(): Promise<void>;
}

export async function createApp(config: Config, ds: DataSource, logger: Logger): Promise<App> {
  const services = createServices(ds, config, logger);
  await connectShared(services);
  const stopLoggingSignal = listenForLoggingSignal(config, logger);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpMetrics = createHttpMetrics();
  const schema = await getSchema();
  const formatError = createFormatError(logger);
  const server = http.createServer(
    config.partnerFastPath
      ? partnerFastPath({
          services,
          operations: new CompiledOperations(schema),
          formatError,
          trustProxy: app.get('trust proxy fn') as (addr: string, i: number) => boolean,
          fallback: app,
          onServed: () => httpMetrics.compiledRequests.inc(),
        })
      : app,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Nothing here is cacheable by HTTP caches, and the plugin costs 20-30 % on list queries.
      ApolloServerPluginCacheControlDisabled(),
      // REQUEST_LOGGING=false exists to measure what logging costs (pnpm bench); on by default.
      ...(config.requestLogging || config.benchLoggingSignal ? [requestLogPlugin()] : []),
      // Sandbox is the partners' explorer (the success modal links to it); SANDBOX=false turns it off.
      config.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  // Request-log health, unrecognised-key counts and fast-path use (prom-client text format).
  const metrics = Registry.merge([services.requestLogs.metrics.registry, httpMetrics.registry]);
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });

  app.get('/logos/:shopId', logoHandler(services));

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({ caller: await resolveCaller(req, services), services, req, res, ip: req.ip ?? '' }),
    }),
    bodyErrorHandler,
  );

  if (!mountSpa(app, config.clientDist)) {
    app.get('/', (_req, res) => {
      res.type('text').send('Keysmith API is running. Build the SPA (pnpm build) to serve the dashboard here; the API is at /graphql.');
    });
  }

  return {
    server,
    services,
    async close() {
      stopLoggingSignal();
      await apollo.stop();
      // After Apollo has drained in-flight requests, before the database closes: no buffered log row is lost.
      await services.requestLogs.close();
      await services.keyAuth.close();
      if (services.redis) await quitRedis(services.redis);
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ds.isInitialized) await ds.destroy();
    },
  };
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}
