// The database's share of request logging, without the server: a separate process that loads rows
// like the server's into api_request_log, `rows` every 250 ms (the server's flush interval), while
// it is switched on (SIGUSR2 switches it, as BENCH_LOGGING_SIGNAL does the server's logging).
// bench:toggle runs it with TOGGLE_WRITER=1 against logging-off servers: the database then does
// logging's storing work on the cores it shares with the load, and the server none of logging's.
//
//   node bench/lib/log-writer.mjs <database url> <rows per 250 ms>
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { mysql, ROOT } from './deps.mjs';

const [url, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
if (!url || !(rows > 0)) throw new Error('usage: log-writer.mjs <database url> <rows per 250 ms>');

// The server's own statement and time format, from its build (bench:toggle builds first): the writer's rows are the server's.
const fromBuild = createRequire(path.join(ROOT, 'server/dist/main.js'));
const { LOAD_SQL } = fromBuild('./modules/request-logs/log-row.js');
const { sqlDate } = fromBuild('./db/columns.js');

const db = await mysql.createConnection({ uri: url, trace: false });
// A hundred of the profile shop's keys, as the load uses a hundred: the rows go to a hundred places in IDX_log_key_at, as the server's do.
const [keys] = await db.query('SELECT id, shop_id FROM api_key ORDER BY id LIMIT 100');
if (keys.length === 0) throw new Error(`${url} has no api_key rows`);

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
