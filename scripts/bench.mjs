// `npm run bench [name…]`: runs the benchmarks in tests/bench (each prints its own figures).
// Benchmarks measure; they never fail on a time. Builds first: some drive the built host.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { ensureBuild, projectRoot } from './ensure-build.mjs'

await ensureBuild({ log: (m) => console.error(m) })
const only = process.argv.slice(2)
const dir = path.join(projectRoot, 'tests', 'bench')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
for (const file of files) {
  console.log(`\n== ${file} ==`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(projectRoot, 'tsconfig.node.json') },
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
