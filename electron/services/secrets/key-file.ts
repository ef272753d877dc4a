// Browser mode's key source: 32 random bytes in <data dir>/secret.key, readable by the kiosk's
// user only (0600). A key file that group or others can read may already have leaked, so start-up
// refuses it rather than keep encrypting with it.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { createFileOnceDurable } from '../store/durable-fs'
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

// The key's name must be durable too (the data dir is fsynced after the file): a power cut
// must not leave a database whose PINs were sealed with a key that is gone.
function create(file: string): void {
  // An empty key file is a creation cut short by an older build, which made the file before
  // writing it: nothing can have been sealed with no key, so it is replaced, not taken as the key.
  if (existsSync(file) && statSync(file).size === 0) rmSync(file)
  createFileOnceDurable(file, randomBytes(32), { mode: 0o600 })
}

export function keyFileSource(dataDir: string): KeySource {
  const file = path.join(dataDir, KEY_FILE)
  return {
    description: `key file ${file}`,
    check: () => checkPermissions(file),
    present: () => existsSync(file),
    key() {
      checkPermissions(file)
      create(file)
      checkPermissions(file)
      return readFileSync(file)
    },
  }
}
