// `npm start`: build if needed, then run the Electron shell on this project, forwarding extra
// arguments (`npm start -- --data-dir ./data`). Where Electron's binary could not be
// downloaded, say so and point at browser mode instead of failing with a stack trace.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { ensureElectronNative } from './electron-native.mjs'
import { ensureBuild, projectRoot } from './ensure-build.mjs'

const require = createRequire(import.meta.url)

const MISSING =
  'The Electron binary is not installed on this machine (its download failed during npm install). ' +
  'Run DropDesk in browser mode instead: npm run serve -- --data-dir ./data --port 4780'

/**
 * The Electron binary's path, or null. Read from electron's path.txt directly rather than
 * require('electron'): when path.txt is missing, that require starts a download.
 */
function electronBinary() {
  let dir
  try {
    dir = path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = path.join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  if (!relative) return null
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist')
  const binary = path.join(distDir, relative)
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
if (!binary) {
  console.error(MISSING)
  process.exit(1)
}

try {
  await ensureBuild()
} catch (error) {
  console.error(`dropdesk: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

// better-sqlite3 for Electron's ABI, built once into .native/ (electron-native.mjs).
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const native = ensureElectronNative({ root: projectRoot, electronVersion, log: (m) => console.error(`dropdesk: ${m}`) })
if (native.error) {
  console.error(`dropdesk: ${native.error}`)
  process.exit(1)
}

// Some terminals (VS Code's) export ELECTRON_RUN_AS_NODE, which would start Electron as plain
// Node and fail on `require('electron')`.
const env = { ...process.env, DROPDESK_NATIVE_DIR: native.dir }
delete env.ELECTRON_RUN_AS_NODE

const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal)
  })
}
child.on('error', (error) => {
  console.error(`dropdesk: could not start Electron: ${error.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0))
})
