// Where the benchmarks' database and Redis are, in one place. They drop and create the
// `keysmith_bench_*` and `keysmith_profile` databases and may raise MariaDB's max_connections for
// a run, so by default they only accept loopback. BENCH_ALLOW_REMOTE=1 lets them use a database
// on another machine, as a deployment has it: in this repository's 2-vCPU runs the database
// shares a core with the load generator, and its work there weighs on the ratios (FINDINGS.md).
// A remote database's CPU cannot be read from /proc, so its columns print "-".

const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

export const mysqlUrl = process.env.BENCH_MYSQL_URL || 'mysql://root@127.0.0.1:3306';
const allowRemote = process.env.BENCH_ALLOW_REMOTE === '1';

export const isLoopback = (url) => LOOPBACK.includes(new URL(url).hostname);

/** Throws for a non-loopback address unless BENCH_ALLOW_REMOTE=1; true when the target is remote. */
export function checkTarget(name, url) {
  if (isLoopback(url)) return false;
  const host = new URL(url).hostname;
  if (!allowRemote) throw new Error(`${name} must point at loopback (got ${host}); BENCH_ALLOW_REMOTE=1 accepts another machine (see bench/lib/target.mjs for what the tools do there)`);
  return true;
}
