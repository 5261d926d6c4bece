import type { Config } from '../../config';
import type { Logger } from '../../logger';

/**
 * BENCHMARK ONLY (BENCH_LOGGING_SIGNAL, refused in production): SIGUSR2 turns partner request
 * logging off, the next one on again. Two server processes of one build differ by a few per cent
 * for their whole life (bench/FINDINGS.md), so logging on / off measured on two processes carries
 * that difference; flipped in one process, it does not (bench/toggle.mjs). Every logging check
 * (the compiled fast path, the Apollo plugin, the 401 path) reads `config.requestLogging` per
 * request. Returns the function that removes the handler (on close).
 */
export function listenForLoggingSignal(config: Config, logger: Logger): () => void {
  if (!config.benchLoggingSignal) return () => undefined;
  const flip = () => {
    config.requestLogging = !config.requestLogging;
    logger.warn({ requestLogging: config.requestLogging }, 'BENCH_LOGGING_SIGNAL: request logging switched by SIGUSR2');
  };
  process.on('SIGUSR2', flip);
  return () => process.off('SIGUSR2', flip);
}
