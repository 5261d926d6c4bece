// The small database the diagnosis tools share (profile.mjs, ab.mjs, instructions.mjs): one shop,
// 1 000 keys of which 100 have known secrets, 50 inventory items, seeded like the bench's.
import fs from 'node:fs';
import { mysql } from './deps.mjs';
import { databaseUrl, prepareDatabase } from './prepare.mjs';
import { checkTarget, mysqlUrl } from './target.mjs';

export const PROFILE_DB = 'keysmith_profile';

/**
 * Seeds the database, or with PROFILE_KEEP_DB=1 reuses the previous seeding's shop and secrets.
 * A reused database's request log is emptied first, so runs start alike: the rows of earlier
 * runs outgrow MariaDB's buffer pool (five bench:toggle runs left 2.6 million rows, 830 MB,
 * against the default 128 MB), and the index inserts of every later batch then wait on disk.
 */
export async function profileDatabase(admin = mysqlUrl) {
  checkTarget('BENCH_MYSQL_URL', admin);
  // The shop and key secrets of the last preparation (git-ignored).
  const stateFile = new URL('../results/profile-state.json', import.meta.url);
  let state;
  if (process.env.PROFILE_KEEP_DB && fs.existsSync(stateFile)) {
    state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    const c = await mysql.createConnection(databaseUrl(admin, PROFILE_DB));
    // A bench:toggle run with TOGGLE_BLACKHOLE=1 that was killed leaves the table storing nothing.
    const [[table]] = await c.query("SELECT engine FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'api_request_log'");
    if (table?.engine !== 'InnoDB') await c.query('ALTER TABLE api_request_log ENGINE=InnoDB');
    await c.query('TRUNCATE TABLE api_request_log');
    await c.end();
  } else fs.writeFileSync(stateFile, JSON.stringify((state = await prepareDatabase(admin, PROFILE_DB, { totalKeys: 1000, usableKeys: 100 }))));
  return { ...state, url: databaseUrl(admin, PROFILE_DB) };
}

/** `A='REQUEST_LOGGING=true,FOO=1'`: comma-separated VAR=value settings from the environment variable `name`. */
export function settingsFrom(name) {
  return Object.fromEntries(
    (process.env[name] || '')
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const i = kv.indexOf('=');
        if (i < 1) throw new Error(`${name}: "${kv}" is not VAR=value`);
        return [kv.slice(0, i), kv.slice(i + 1)];
      }),
  );
}
