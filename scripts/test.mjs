// `npm test`: everything CI checks, in the order that fails fastest: types, lint, the build
// the end-to-end tests run against, then every vitest project (unit, renderer, integration, e2e).
import { spawnSync } from 'node:child_process'

const steps = [
  ['typecheck', ['npm', 'run', '--silent', 'typecheck']],
  ['lint', ['npm', 'run', '--silent', 'lint']],
  ['build', ['node', 'scripts/ensure-build.mjs', '--force']],
  ['tests', ['npx', 'vitest', 'run', ...process.argv.slice(2)]],
]

for (const [name, [cmd, ...args]] of steps) {
  const started = Date.now()
  console.log(`\n── ${name} ──`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DROPDESK_BUILT: '1' } })
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status ?? r.signal}).`)
    process.exit(r.status ?? 1)
  }
  console.log(`${name}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
