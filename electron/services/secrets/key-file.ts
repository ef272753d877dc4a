// Browser mode's key source: 32 random bytes in <data dir>/secret.key, readable by the kiosk's
// user only (0600). A key file that group or others can read may already have leaked, so start-up
// refuses it rather than keep encrypting with it.
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs'
import path from 'node:path'
import { SecretsUnavailable, type KeySource } from './secret-box'

export const KEY_FILE = 'secret.key'

function checkPermissions(file: string): void {
  let info
  try {
    info = statSync(file)
  } catch {
    return // not created yet: it will be, with 0600
  }
  if (!info.isFile()) throw new SecretsUnavailable(`${file} is not a file. Move it away; DropDesk will create a new key.`)
  if (process.platform === 'win32') return // NTFS ACLs, not mode bits: the per-user profile folder protects it
  const mode = info.mode & 0o777
  if ((mode & 0o077) !== 0) {
    throw new SecretsUnavailable(
      `The encryption key ${file} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}); DropDesk will not use it. ` +
        `Run: chmod 600 "${file}". As the key may have been copied, tell your supervisor: stored unlock PINs should be considered exposed.`,
    )
  }
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) {
    throw new SecretsUnavailable(`The encryption key ${file} belongs to another user (uid ${info.uid}). Run DropDesk as the kiosk's own user.`)
  }
}

function create(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  let fd: number
  try {
    fd = openSync(file, 'wx', 0o600) // 'wx': never overwrite a key that appeared meanwhile
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return
    throw e
  }
  try {
    writeSync(fd, randomBytes(32))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function keyFileSource(dataDir: string): KeySource {
  const file = path.join(dataDir, KEY_FILE)
  return {
    description: `key file ${file}`,
    check: () => checkPermissions(file),
    key() {
      checkPermissions(file)
      create(file)
      checkPermissions(file)
      return readFileSync(file)
    },
  }
}
