// `npm run serve -- --data-dir DIR --port N [--manifest FILE.jsonl]`: builds if the sources
// changed since the last build, then runs browser mode in this same process (so a signal to
// this process reaches the host directly).
import { createRequire } from 'node:module'
import { ensureBuild } from './ensure-build.mjs'

await ensureBuild({ log: (m) => console.error(m) })
createRequire(import.meta.url)('../out/main/serve.js')
