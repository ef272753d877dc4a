// Electron runs its own Node ABI: better-sqlite3 as npm installed it (for Node, in
// node_modules) fails in Electron's main process with a NODE_MODULE_VERSION mismatch. So the
// first `npm start` builds it for Electron into its own folder, .native/electron-<version>-
// <platform>-<arch>/, and the main process loads it from there (DROPDESK_NATIVE_DIR); browser
// mode and the tests keep Node's build in node_modules. node-hid and serialport are N-API
// modules: one build serves Node and Electron alike, nothing to do for them.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, closeSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const require = createRequire(import.meta.url)

export const BINDING = 'better_sqlite3.node'

/** The folder of Electron-ABI builds for this Electron version, platform and architecture. */
export function nativeDir(root, electronVersion, platform = process.platform, arch = process.arch) {
  return path.join(root, '.native', `electron-${electronVersion}-${platform}-${arch}`)
}

function defaultRun(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, npm_config_loglevel: 'error' } })
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` }
}

function fsyncPath(p) {
  const fd = openSync(p, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * The folder holding better_sqlite3.node for `electronVersion`, built now if missing: Electron's
 * prebuilt binary first (prebuild-install), else a compile against Electron's headers
 * (node-gyp). Returns { dir } or { error } with what to do; `run` is replaceable in tests.
 */
export function ensureElectronNative({ root, electronVersion, run = defaultRun, log = () => {}, resolveFrom = root }) {
  const dir = nativeDir(root, electronVersion)
  if (existsSync(path.join(dir, BINDING))) return { dir }
  let source
  try {
    source = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [resolveFrom] }))
  } catch {
    return { error: 'better-sqlite3 is not installed: run npm install first.' }
  }
  log(`Building better-sqlite3 for Electron ${electronVersion} (once, into ${path.relative(root, dir)})…`)
  // A copy, so the Node build in node_modules (browser mode, tests) is never touched.
  const work = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-native-'))
  try {
    const pkg = path.join(work, 'better-sqlite3')
    cpSync(source, pkg, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) })
    const target = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`]
    const prebuilt = run('npx', ['--no-install', 'prebuild-install', ...target, `--platform=${process.platform}`], pkg)
    let built = prebuilt.ok && existsSync(path.join(pkg, 'build/Release', BINDING))
    let compileOutput = ''
    if (!built) {
      // npm passes its own node-gyp to scripts it runs (npm start); otherwise the one on PATH.
      const gypArgs = ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers']
      const gyp = process.env.npm_config_node_gyp
      const compiled = gyp ? run(process.execPath, [gyp, ...gypArgs], pkg) : run('npx', ['--no-install', 'node-gyp', ...gypArgs], pkg)
      built = compiled.ok && existsSync(path.join(pkg, 'build/Release', BINDING))
      compileOutput = compiled.output
    }
    if (!built) {
      const last = (compileOutput || prebuilt.output).trim().split('\n').slice(-3).join(' | ')
      return {
        error:
          `Could not build better-sqlite3 for Electron ${electronVersion}: no prebuilt binary could be downloaded and compiling it failed (${last || 'no output'}). ` +
          'Compiling needs Python 3, a C++ compiler and access to electronjs.org/headers. Meanwhile browser mode works: npm run serve -- --data-dir ./data --port 4780',
      }
    }
    // Into place in one rename, so an interrupted build never leaves a half-written binary.
    mkdirSync(path.dirname(dir), { recursive: true })
    const staging = `${dir}.tmp-${process.pid}`
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging)
    cpSync(path.join(pkg, 'build/Release', BINDING), path.join(staging, BINDING))
    fsyncPath(path.join(staging, BINDING))
    renameSync(staging, dir)
    fsyncPath(path.dirname(dir))
    return { dir }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
