// `npm start` and Electron's ABI: which better-sqlite3 binary each runtime loads, the first
// start's build into .native/, and what is said when that build cannot be made. (The Electron
// binary itself cannot be downloaded here: what was verified where is in the README.)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sqliteNativeBinding } from '../../electron/services/store/native-binding'
// @ts-expect-error a plain .mjs script without types
import { ensureElectronNative, nativeDir } from '../../scripts/electron-native.mjs'
import { tempDir } from '../support/temp-dir'

describe('which better-sqlite3 binary is loaded', () => {
  it('Node (browser mode, tools, tests): the one in node_modules', () => {
    expect(sqliteNativeBinding({ env: {}, packaged: false })).toBeUndefined()
  })

  it('Electron started by npm start: the Electron-ABI build in DROPDESK_NATIVE_DIR', () => {
    const exists = (p: string) => p === '/app/.native/electron-41.7.1-linux-x64/better_sqlite3.node'
    expect(sqliteNativeBinding({ electron: '41.7.1', env: { DROPDESK_NATIVE_DIR: '/app/.native/electron-41.7.1-linux-x64' }, packaged: false }, exists)).toBe(
      '/app/.native/electron-41.7.1-linux-x64/better_sqlite3.node',
    )
  })

  it('Electron without that build: says why (Node ABI) and what to do, instead of NODE_MODULE_VERSION', () => {
    expect(() => sqliteNativeBinding({ electron: '41.7.1', env: {}, packaged: false }, () => false)).toThrow(
      /better-sqlite3 is not built for Electron 41\.7\.1 here: the copy in node_modules is built for Node .* npm start, which builds it once into \.native\/; or use browser mode: npm run serve/,
    )
    expect(() => sqliteNativeBinding({ electron: '41.7.1', env: { DROPDESK_NATIVE_DIR: '/x' }, packaged: false }, () => false)).toThrow(/\/x\/better_sqlite3\.node is missing/)
  })

  it('a packaged app: its own rebuilt module', () => {
    expect(sqliteNativeBinding({ electron: '41.7.1', env: {}, packaged: true }, () => false)).toBeUndefined()
  })
})

describe('the first npm start builds better-sqlite3 for Electron into .native/', () => {
  const root = path.resolve(__dirname, '../..')

  it('prebuilt binary first; into .native/electron-<version>-<platform>-<arch>/ once; node_modules untouched', () => {
    const project = tempDir()
    const calls: string[][] = []
    const run = (cmd: string, args: string[], cwd: string) => {
      calls.push([cmd, ...args])
      mkdirSync(path.join(cwd, 'build/Release'), { recursive: true })
      writeFileSync(path.join(cwd, 'build/Release/better_sqlite3.node'), 'electron build')
      return { ok: true, output: '' }
    }
    // better-sqlite3 is resolved from the real project; the build lands in the temp project.
    const r = ensureElectronNative({ root: project, electronVersion: '41.7.1', run, resolveFrom: root })
    expect(r).toEqual({ dir: nativeDir(project, '41.7.1') })
    expect(r.dir).toBe(path.join(project, '.native', `electron-41.7.1-${process.platform}-${process.arch}`))
    expect(existsSync(path.join(r.dir, 'better_sqlite3.node'))).toBe(true)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toEqual(expect.arrayContaining(['prebuild-install', '--runtime=electron', '--target=41.7.1']))
    expect(ensureElectronNative({ root: project, electronVersion: '41.7.1', run, resolveFrom: root })).toEqual(r)
    expect(calls).toHaveLength(1)
    expect(existsSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true)
  })

  it('no prebuilt binary and no compiler: one message with what is needed and browser mode; nothing half-built left', () => {
    const project = tempDir()
    const run = (cmd: string, args: string[]) => ({ ok: false, output: args.includes('rebuild') ? 'gyp ERR! find Python' : 'prebuild-install warn install No prebuilt binaries found' })
    const r = ensureElectronNative({ root: project, electronVersion: '41.7.1', run, resolveFrom: root })
    expect(r.error).toMatch(/^Could not build better-sqlite3 for Electron 41\.7\.1: .*gyp ERR! find Python.*Compiling needs Python 3, a C\+\+ compiler and access to electronjs\.org\/headers\. Meanwhile browser mode works: npm run serve/)
    expect(existsSync(path.join(project, '.native'))).toBe(false)
  })
})
