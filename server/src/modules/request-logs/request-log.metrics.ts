import { Counter, Gauge, Registry } from 'prom-client';

/**
 * Request-log metrics, in their own registry: prom-client's global one would
 * refuse a second server in the same process (tests start many).
 */
export function createRequestLogMetrics(bufferSize: () => number) {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    unrecognisedKeys: new Counter({
      name: 'keysmith_api_key_unrecognised_total',
      help: 'Requests with a malformed or unknown API key (not logged per shop: they belong to no shop).',
      registers,
    }),
    logged: new Counter({ name: 'keysmith_request_log_rows_total', help: 'Request-log rows accepted into the buffer.', registers }),
    written: new Counter({ name: 'keysmith_request_log_written_total', help: 'Request-log rows written to the database.', registers }),
    dropped: new Counter({ name: 'keysmith_request_log_dropped_total', help: 'Request-log rows dropped because the buffer was full.', registers }),
    writeFailures: new Counter({ name: 'keysmith_request_log_write_failures_total', help: 'Failed batch writes (retried with backoff).', registers }),
    buffered: new Gauge({
      name: 'keysmith_request_log_buffered',
      help: 'Request-log rows waiting in memory.',
      registers,
      collect() {
        this.set(bufferSize());
      },
    }),
  };
}
export type RequestLogMetrics = ReturnType<typeof createRequestLogMetrics>;
