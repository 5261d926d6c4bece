#!/usr/bin/env node
// Identical Keysmith processes (same build, same settings, logging off), each under the
// unauthenticated and the authenticated partner load in turn: how far apart are twins, in CPU per
// request and in their auth / unauth ratio? Why run.mjs runs every configuration as two
// processes and combines their medians (bench/FINDINGS.md). A diagnosis tool; build first.
//
//   PROFILE_KEEP_DB=1 TWINS=4 TWIN_ROUNDS=10 node bench/twins.mjs
//   A='REQUEST_LOGGING=true' ...        settings for every twin (as bench/ab.mjs)
import { databasePid, killAll, startKeysmith } from './lib/processes.mjs';
import { isolateServerCore } from './lib/pinning.mjs';
import { profileDatabase, settingsFrom } from './lib/profile-db.mjs';
import { diagnosisRedis } from './lib/redis.mjs';
import { inventoryRequests, measure, warmUp } from './lib/load.mjs';
import { median } from './lib/stats.mjs';

const env = process.env;
const count = Number(env.TWINS || 4);
const rounds = Number(env.TWIN_ROUNDS || 5);
const state = await profileDatabase();
const redis = await diagnosisRedis();
const dbPid = databasePid() ?? undefined;
isolateServerCore(dbPid); // killAll() puts the database's affinity back
const settings = { DATABASE_URL: state.url, REQUEST_LOGGING: 'false', BENCH_UNAUTHENTICATED_SHOP_ID: state.shopId, ...redis.env, ...settingsFrom('A') };
const servers = [];
const loads = { unauth: inventoryRequests(null), auth: inventoryRequests(state.keys) };
try {
  for (let i = 0; i < count; i++) servers.push(await startKeysmith(`twin ${i + 1}`, settings));
  // Warmed as run.mjs warms them: the unauthenticated load first, then the authenticated one.
  for (const requests of [loads.unauth, loads.auth]) for (const s of servers) await warmUp({ url: s.url, requests, connections: 50, seconds: 3 });
  const cost = servers.map(() => ({ unauth: [], auth: [] }));
  for (let r = 0; r < rounds; r++) {
    for (const [i, s] of servers.entries()) {
      for (const name of r % 2 ? ['auth', 'unauth'] : ['unauth', 'auth']) {
        const m = await measure({ url: s.url, requests: loads[name], connections: 50, seconds: 2, warmupSeconds: 1, pid: s.pid });
        cost[i][name].push(m.cpuUsPerRequest);
      }
    }
    process.stderr.write(`round ${r + 1}/${rounds}\n`);
  }
  const us = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
  for (const [i, c] of cost.entries()) {
    const [u, a] = [median(c.unauth), median(c.auth)];
    process.stdout.write(`twin ${i + 1}: unauth ${u.toFixed(1)} us/req [${us(c.unauth)}]  auth ${a.toFixed(1)} [${us(c.auth)}]  auth / unauth (inverse cost) ${(u / a).toFixed(3)}\n`);
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  killAll();
  await redis.stop();
}
