import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileOnceDurable, mkdirDurable, writeFileDurable } from '../../electron/services/store/durable-fs'
import { ensureDataDir } from '../../electron/services/store/data-dir'

const dirs: string[] = []
function temp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'dropdesk-durable-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('durable files', () => {
  it('writes a whole file in place of the old one and leaves no temporary file', () => {
    const root = temp()
    const file = path.join(root, 'a', 'b', 'doc.bin')
    writeFileDurable(file, Buffer.from('first'), { upTo: root })
    writeFileDurable(file, 'second', { upTo: root })
    expect(readFileSync(file, 'utf8')).toBe('second')
    expect(readdirSync(path.dirname(file))).toEqual(['doc.bin'])
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('creates a file once and never overwrites it', () => {
    const root = temp()
    const file = path.join(root, 'key')
    expect(createFileOnceDurable(file, 'one')).toBe(true)
    expect(createFileOnceDurable(file, 'two')).toBe(false)
    expect(readFileSync(file, 'utf8')).toBe('one')
    // Written aside and linked into place: no temporary file stays, whichever call won.
    expect(readdirSync(root)).toEqual(['key'])
  })

  it('creates nested folders, including ones above the data dir, and accepts existing ones', () => {
    const root = temp()
    writeFileSync(path.join(root, 'keep'), 'x')
    const deep = path.join(root, 'x', 'y', 'z')
    mkdirDurable(deep, root)
    mkdirDurable(deep, root)
    expect(statSync(deep).isDirectory()).toBe(true)
    const dataDir = path.join(root, 'new', 'data')
    ensureDataDir(dataDir)
    expect(existsSync(dataDir)).toBe(true)
  })
})
