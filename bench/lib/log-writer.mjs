// The database's share of request logging, without the server: a separate process that loads rows
// like the server's into api_request_log, `rows` every 250 ms (the server's flush interval), while
// it is switched on (SIGUSR2 switches it, as BENCH_LOGGING_SIGNAL does the server's logging).
// bench:toggle runs it with TOGGLE_WRITER=1 against logging-off servers: the database then does
// logging's storing work on the cores it shares with the load, and the server none of logging's.
//
//   node bench/lib/log-writer.mjs <database url> <rows per 250 ms>
import { Readable } from 'node:stream';
import { mysql } from './deps.mjs';

const [url, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
if (!url || !(rows > 0)) throw new Error('usage: log-writer.mjs <database url> <rows per 250 ms>');

// The columns and text format of the server's LOAD DATA (server/src/modules/request-logs/request-log.store.ts).
const COLUMNS = 'at, api_key_id, shop_id, used_previous_secret, operation_name, operation_type, `fields`, http_status, error_code, duration_ms, ip, user_agent';
const LOAD_SQL =
  "LOAD DATA LOCAL INFILE 'keysmith-request-log' INTO TABLE api_request_log CHARACTER SET utf8mb4 " +
  `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${COLUMNS})`;

const db = await mysql.createConnection({ uri: url, trace: false });
// The keys the bench's load uses are among the shop's first hundred; their rows go to a hundred places in IDX_log_key_at, as the server's do.
const [keys] = await db.query('SELECT id, shop_id FROM api_key ORDER BY id LIMIT 100');
if (keys.length === 0) throw new Error(`${url} has no api_key rows`);

const pad = (n, w = 2) => String(n).padStart(w, '0');
const sqlDate = (d) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;

let on = false;
process.on('SIGUSR2', () => {
  on = !on;
});
process.on('SIGTERM', () => process.exit(0));
process.stdout.write('ready\n'); // bench:toggle switches it on only now: before the handler, SIGUSR2 would end it

for (;;) {
  const started = Date.now();
  if (on) {
    let lines = '';
    for (let i = 0; i < rows; i++) {
      const k = keys[i % keys.length];
      lines += `${sqlDate(new Date(started - 250 + ((i * 250) / rows)))}\t${k.id}\t${k.shop_id}\t0\tInventory\tquery\tinventory\t200\t\\N\t${(1 + (i % 7) / 3).toFixed(3)}\t127.0.0.1\twrk\n`;
    }
    await db.query({ sql: LOAD_SQL, infileStreamFactory: () => Readable.from([Buffer.from(lines)]) });
  }
  await new Promise((r) => setTimeout(r, Math.max(0, 250 - (Date.now() - started))));
}
