// The SecretBox (AES-256-GCM) and its key sources: a round trip, tampering and a foreign context
// refused, browser mode's key file created owner-only and refused when others can read it, and
// Electron's safeStorage source refusing the plaintext 'basic_text' backend.
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DomainError } from '@shared/contract/result'
import { createServices } from '../../electron/services'
import { KEY_FILE, keyFileSource } from '../../electron/services/secrets/key-file'
import { createSecretBox, SecretsUnavailable, type KeySource } from '../../electron/services/secrets/secret-box'
import { SAFE_KEY_FILE, safeStorageKeySource } from '../../electron/main/safe-storage-key'
import { tempDir } from '../support/temp-dir'

const PIN = '482913'

function fixedKey(byte = 7): KeySource {
  return { description: 'test key', check: () => {}, key: () => Buffer.alloc(32, byte) }
}

function flip(sealed: string, part: number): string {
  const parts = sealed.split('.')
  const bytes = Buffer.from(parts[part]!, 'base64url')
  bytes[0] = bytes[0]! ^ 1
  parts[part] = bytes.toString('base64url')
  return parts.join('.')
}

describe('SecretBox', () => {
  it('round-trips, with a fresh nonce each time and no plaintext in the sealed text', () => {
    const box = createSecretBox(fixedKey())
    const a = box.seal(PIN, 'unlock-pin:case-1')
    const b = box.seal(PIN, 'unlock-pin:case-1')
    expect(a).not.toBe(b)
    expect(a).not.toContain(PIN)
    expect(Buffer.from(a.split('.')[3]!, 'base64url').toString('utf8')).not.toContain(PIN)
    expect(box.open(a, 'unlock-pin:case-1')).toBe(PIN)
    expect(box.open(box.seal('', 'empty'), 'empty')).toBe('')
  })

  it('detects tampering with the ciphertext, the tag or the nonce, another context and another key', () => {
    const box = createSecretBox(fixedKey())
    const sealed = box.seal(PIN, 'unlock-pin:case-1')
    for (const part of [1, 2, 3]) expect(() => box.open(flip(sealed, part), 'unlock-pin:case-1')).toThrow(/altered/)
    expect(() => box.open(sealed, 'unlock-pin:case-2')).toThrow(DomainError)
    expect(() => createSecretBox(fixedKey(8)).open(sealed, 'unlock-pin:case-1')).toThrow(/another key/)
    expect(() => box.open('v1.garbage', 'unlock-pin:case-1')).toThrow(/format/)
  })
})

describe('the key file (browser mode)', () => {
  it('is created on first use with owner-only permissions and reused', () => {
    const dir = tempDir()
    const source = keyFileSource(dir)
    source.check() // nothing there yet: nothing to refuse, nothing created
    expect(() => statSync(path.join(dir, KEY_FILE))).toThrow()
    const key = source.key()
    expect(key).toHaveLength(32)
    expect(statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600)
    expect(keyFileSource(dir).key()).toEqual(key)
    const sealed = createSecretBox(source).seal(PIN, 'c')
    expect(createSecretBox(keyFileSource(dir)).open(sealed, 'c')).toBe(PIN)
  })

  it('replaces an empty key file (a creation cut short) and leaves no temporary file', () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, KEY_FILE), '', { mode: 0o600 })
    const key = keyFileSource(dir).key()
    expect(key).toHaveLength(32)
    expect(key.equals(Buffer.alloc(32))).toBe(false)
    expect(readdirSync(dir)).toEqual([KEY_FILE])
    expect(keyFileSource(dir).key()).toEqual(key)
  })

  it('refuses a key file that group or others can read, at start-up and on use', async () => {
    const dir = tempDir()
    keyFileSource(dir).key()
    const file = path.join(dir, KEY_FILE)
    for (const mode of [0o640, 0o604, 0o644]) {
      chmodSync(file, mode)
      expect(() => keyFileSource(dir).check()).toThrow(SecretsUnavailable)
      expect(() => keyFileSource(dir).check()).toThrow(/chmod 600/)
      expect(() => createSecretBox(keyFileSource(dir)).seal(PIN, 'c')).toThrow(DomainError)
    }
    // The services refuse to start on it, and say why.
    await expect(createServices({ dataDir: dir, transport: 'browser' })).rejects.toThrow(/can be read by other users/)
    chmodSync(file, 0o600)
    expect(() => keyFileSource(dir).check()).not.toThrow()
  })
})

describe('the safeStorage key source (Electron)', () => {
  function fakeSafeStorage(backend: string, available = true) {
    return {
      isEncryptionAvailable: vi.fn(() => available),
      getSelectedStorageBackend: vi.fn(() => backend),
      // A reversible stand-in for the keyring's encryption.
      encryptString: vi.fn((text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`)),
      decryptString: vi.fn((buf: Buffer) => Buffer.from(buf.toString().slice('sealed:'.length), 'hex').toString()),
    }
  }

  it("refuses the plaintext 'basic_text' backend and a missing keyring, with what to do", () => {
    const dir = tempDir()
    const box = createSecretBox(safeStorageKeySource(fakeSafeStorage('basic_text'), dir))
    box.check() // start-up is not refused: only storing PINs is
    expect(() => box.seal(PIN, 'c')).toThrow(/basic_text.*will not store unlock PINs/)
    expect(() => createSecretBox(safeStorageKeySource(fakeSafeStorage('gnome_libsecret', false), dir)).seal(PIN, 'c')).toThrow(/keyring is not available/)
    expect(() => statSync(path.join(dir, SAFE_KEY_FILE))).toThrow()
  })

  it('keeps the key encrypted by the keyring, owner-only, and reuses it', () => {
    const dir = tempDir()
    const storage = fakeSafeStorage('gnome_libsecret')
    const sealed = createSecretBox(safeStorageKeySource(storage, dir)).seal(PIN, 'c')
    const file = path.join(dir, SAFE_KEY_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toMatch(/^sealed:/)
    expect(storage.encryptString).toHaveBeenCalledTimes(1)
    expect(createSecretBox(safeStorageKeySource(storage, dir)).open(sealed, 'c')).toBe(PIN)
    writeFileSync(file, 'sealed:zz')
    expect(() => createSecretBox(safeStorageKeySource(storage, dir)).open(sealed, 'c')).toThrow(DomainError)
  })
})
