// The packaging config (electron-builder.config.cjs) holds the Electron security checklist's
// fuses and the targets the kiosks install from. electron-builder itself is not installed here
// (it needs Electron's binary to do anything), so this reads the config as electron-builder
// would: a CommonJS module exporting its Configuration.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const config = createRequire(__filename)(path.join(root, 'electron-builder.config.cjs')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>
  linux: { target: string[] }
  win: { target: string[] }
  deb: { depends: string[] }
  files: string[]
  asarUnpack: string[]
}
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string }

describe('electron-builder.config.cjs', () => {
  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    })
    // Only fuse names @electron/fuses knows (a typo would be silently ignored).
    const known = [
      'runAsNode',
      'enableCookieEncryption',
      'enableNodeOptionsEnvironmentVariable',
      'enableNodeCliInspectArguments',
      'enableEmbeddedAsarIntegrityValidation',
      'onlyLoadAppFromAsar',
      'loadBrowserProcessSpecificV8Snapshot',
      'grantFileProtocolExtraPrivileges',
    ]
    for (const key of Object.keys(config.electronFuses)) expect(known).toContain(key)
  })

  it('builds AppImage and deb for Linux and an NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    // The keyring safeStorage needs to encrypt PINs comes with the deb.
    expect(config.deb.depends).toContain('libsecret-1-0')
  })

  it('packs the built app into asar (the integrity fuse needs it), native modules beside it, rebuilt for Electron', () => {
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(true)
    for (const native of ['better-sqlite3', 'node-hid', '@serialport/bindings-cpp']) expect(config.asarUnpack.join(' ')).toContain(native)
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/**', '!**/*.map']))
    expect(config.files.some((f) => /^(tests|electron|renderer|shared)\b/.test(f))).toBe(false)
    expect(pkg.main).toBe('out/main/index.js')
  })
})
