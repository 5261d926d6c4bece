// The printed table and the JSON written under bench/results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './deps.mjs';

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));

export function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}` };
}

/** Log rows against the requests served: wrk's runs have the server's own count (`served`), autocannon's are exact. */
function logCell(r) {
  if (r.logRows === undefined) return 'off';
  const expected = r.served ?? r.ok;
  return `${r.logRows}${r.logRows === expected ? (r.served === undefined ? ' (=)' : ' (= served)') : ' (MISMATCH)'}`;
}

export function table(rows) {
  const head = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'CPU us/req', 'DB CPU us/req', 'requests', 'log rows'];
  const body = rows.map((r) => [r.label, fmt(r.rps), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.cpuUsPerRequest), fmt(r.dbCpuUsPerRequest), String(r.ok), logCell(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|')}|`, ...body.map(line)].join('\n');
}

export function ratioTable(ratios) {
  const lines = ['| target | measured (median per process, combined) | rounds (min..max) | goal | met |', '|---|---:|---:|---:|:---:|'];
  for (const r of ratios) lines.push(`| ${r.name} | ${r.display ?? fmt(r.value, 3)} | ${r.spread ?? ''} | ${r.goalDisplay ?? `>= ${r.goal}`} | ${r.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

export function writeJson(result) {
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
