// Fails when server/schema.graphql or the client's generated types are stale.
// Generates both into memory / a temp folder and compares with what is committed.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const run = (cmd, cwd, env = {}) => execSync(cmd, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });

run('pnpm exec tsc -p tsconfig.build.json', path.join(root, 'server'));
run('node dist/scripts/emit-schema.js --check', path.join(root, 'server'));

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-codegen-'));
run('pnpm exec graphql-codegen --config codegen.ts --silent', path.join(root, 'client'), { CODEGEN_OUT: `${out}/` });
const committed = path.join(root, 'client/src/gql');
const stale = [];
for (const f of fs.readdirSync(out)) {
  const mine = path.join(committed, f);
  if (!fs.existsSync(mine) || fs.readFileSync(mine, 'utf8') !== fs.readFileSync(path.join(out, f), 'utf8')) stale.push(f);
}
fs.rmSync(out, { recursive: true, force: true });
if (stale.length) {
  console.error(`client/src/gql is stale (${stale.join(', ')}): run \`pnpm codegen\` and commit the result.`);
  process.exit(1);
}
console.log('schema.graphql and client/src/gql are up to date.');
