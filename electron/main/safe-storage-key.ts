// Electron's key source for the SecretBox: a random 32-byte key, itself encrypted by the OS
// keyring through `safeStorage` (DPAPI on Windows, Keychain on macOS, libsecret/KWallet on
// Linux) and kept in <data dir>/secret.key.safe. On Linux without a keyring Electron falls back
// to 'basic_text', a hard-coded password: that is plaintext in all but name, so DropDesk
// refuses to store PINs then, and says how to fix it.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { SafeStorage } from 'electron'
import { SecretsUnavailable, type KeySource } from '../services/secrets/secret-box'
import { createFileOnceDurable } from '../services/store/durable-fs'

export const SAFE_KEY_FILE = 'secret.key.safe'

type SafeStoragePort = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  /** Linux only (absent elsewhere). */
  getSelectedStorageBackend?: () => string
}

export function assertUsableBackend(safeStorage: SafeStoragePort): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new SecretsUnavailable(
      'The system keyring is not available, so DropDesk will not store unlock PINs. Sign in to the kiosk account with a desktop keyring (GNOME Keyring or KWallet) running, then restart DropDesk.',
    )
  }
  const backend = typeof safeStorage.getSelectedStorageBackend === 'function' ? safeStorage.getSelectedStorageBackend() : 'os'
  if (backend === 'basic_text') {
    throw new SecretsUnavailable(
      "No system keyring was found (Electron reports its 'basic_text' backend, which protects secrets with a fixed, public password), so DropDesk will not store unlock PINs. " +
        'Install and unlock GNOME Keyring (gnome-keyring) or KWallet for the kiosk user, or start DropDesk with --password-store=gnome-libsecret, then restart.',
    )
  }
}

export function safeStorageKeySource(safeStorage: SafeStoragePort, dataDir: string): KeySource {
  const file = path.join(dataDir, SAFE_KEY_FILE)
  return {
    description: `keyring-protected key ${file}`,
    // Nothing to refuse at start-up: without a keyring the kiosk still takes drop-offs, it only
    // refuses to keep PINs (see key()).
    check: () => {},
    present: () => existsSync(file),
    key() {
      assertUsableBackend(safeStorage)
      if (!existsSync(file)) {
        // Durable name as well as bytes: the data dir is fsynced after the file (durable-fs.ts).
        createFileOnceDurable(file, safeStorage.encryptString(randomBytes(32).toString('base64')), { mode: 0o600 })
      }
      try {
        return Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64')
      } catch {
        throw new SecretsUnavailable(
          `The keyring cannot decrypt ${file} (the keyring was reset, or the data folder was copied from another user or machine). Stored unlock PINs cannot be read; ask your supervisor.`,
        )
      }
    },
  }
}
