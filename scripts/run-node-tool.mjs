// Runs one of the built operator tools (out/main/TOOL.js), building first if needed:
// `node scripts/run-node-tool.mjs manifest-import FILE --data-dir DIR`.
import { createRequire } from 'node:module'
import { ensureBuild } from './ensure-build.mjs'

const [tool, ...rest] = process.argv.slice(2)
if (!tool || !/^[a-z-]+$/.test(tool)) {
  console.error('usage: node scripts/run-node-tool.mjs TOOL [args…]')
  process.exit(2)
}
await ensureBuild({ log: (m) => console.error(m) })
process.argv = [process.argv[0], tool, ...rest]
createRequire(import.meta.url)(`../out/main/${tool}.js`)
