import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { openDatabase } from './db/data-source';
import { createApp, listen } from './app';
import { seedDemo } from './modules/demo/seed-demo';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Invalid configuration: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

async function main() {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  const ds = await openDatabase(config);
  const app = await createApp(config, ds, logger);
  const port = await listen(app.server, config.port, config.host);
  const db = config.databaseUrl ? 'MySQL' : `SQLite at ${config.sqlitePath}`;
  logger.info({ port, db }, 'Keysmith is listening');
  const base = `http://localhost:${port}`;
  if (config.demoSeed) {
    const demo = await seedDemo(app.services);
    if (demo) process.stdout.write(`\n  Demo merchant created. Sign in at ${base} as ${demo.email} / ${demo.password}\n\n`);
  }
  process.stdout.write(`  Keysmith: dashboard ${base}  |  GraphQL ${base}/graphql\n`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`Keysmith failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
