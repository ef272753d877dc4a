// Builds the app (electron-vite: main, preload, renderer into out/) only when the sources are
// newer than the last build, so `npm start` and `npm run serve` are quick after the first time
// and never run stale code. Usable as a module (`ensureBuild()`) or directly:
// `node scripts/ensure-build.mjs [--force]`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const SOURCE_DIRS = ['electron', 'renderer', 'shared', 'resources']
const CONFIG_FILES = [
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
]
/** What a complete build leaves behind; a missing one means build, whatever the stamp says. */
const OUT = process.env.DROPDESK_OUT_DIR ?? 'out'
const OUTPUTS = [`${OUT}/main/index.js`, `${OUT}/preload/index.js`, `${OUT}/renderer/index.html`]
const SKIP = new Set(['node_modules', '.git', 'out', '.out', 'dist'])

/** Newest modification time (ms) of any file under `dir`, or 0. */
function newestMtime(dir) {
  let newest = 0
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return 0 // a source folder that does not exist (yet)
  }
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full))
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

export function newestSourceMtime(root = projectRoot) {
  let newest = 0
  for (const dir of SOURCE_DIRS) newest = Math.max(newest, newestMtime(path.join(root, dir)))
  for (const file of CONFIG_FILES) {
    const full = path.join(root, file)
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

/** Why a build is needed, or null when out/ is current. */
export function staleReason(root = projectRoot) {
  const missing = OUTPUTS.find((file) => !existsSync(path.join(root, file)))
  if (missing) return `${missing} is missing`
  const stamp = path.join(root, OUT, '.build-stamp')
  if (!existsSync(stamp)) return 'no build stamp'
  if (newestSourceMtime(root) > statSync(stamp).mtimeMs) return 'sources changed since the last build'
  return null
}

/**
 * Runs `electron-vite build` when out/ is stale. Resolves to true when it built. Throws when the
 * build fails, so callers do not start on a half-written out/.
 */
export async function ensureBuild({ root = projectRoot, force = false, log = console.log } = {}) {
  const reason = force ? 'forced' : staleReason(root)
  if (!reason) return false
  log(`dropdesk: building (${reason})…`)
  // Stamped with the time the build *started*: a file saved while it runs is newer than the
  // stamp and triggers the next build instead of being silently skipped.
  const startedAt = new Date()
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    // Build chatter goes to stderr: stdout of `npm run serve` is the one line with the URL.
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32', // npx is npx.cmd there
    env: process.env,
  })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`)
  const stamp = path.join(root, OUT, '.build-stamp')
  writeFileSync(stamp, `${startedAt.toISOString()}\n`)
  utimesSync(stamp, startedAt, startedAt)
  return true
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  ensureBuild({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(`dropdesk: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
