// At-rest encryption of secrets (the customer's unlock PIN): AES-256-GCM with a random 96-bit
// nonce per secret and a context string bound in as additional data, so a sealed PIN copied
// onto another case does not open there. The key comes from a KeySource: Electron's safeStorage
// (electron/main/safe-storage-key.ts) or, in browser mode, an owner-only key file (key-file.ts).
// Plain Node: no electron import here.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { DomainError, reason } from '@shared/contract/result'

export interface KeySource {
  /** Where the key lives, for messages ("key file /…/secret.key"). */
  readonly description: string
  /** Start-up check (e.g. the key file's permissions); throws with what to do. Creates nothing. */
  check(): void
  /** The 32-byte key, created on first use. Throws SecretsUnavailable when it cannot be had safely. */
  key(): Buffer
  /** Whether the key already exists (a file on disk), without creating it; absent: a key that always exists. */
  present?(): boolean
}

/** The key cannot be obtained safely (no keyring, plaintext backend, bad permissions). */
export class SecretsUnavailable extends Error {
  override name = 'SecretsUnavailable'
}

export interface SecretBox {
  /** Start-up check of the key source; throws with what to do. */
  check(): void
  /** Encrypts `plaintext` for `context` (e.g. "unlock-pin:<caseId>"). */
  seal(plaintext: string, context: string): string
  /** Decrypts; throws DomainError('conflict') when the text was altered or sealed for another context. */
  open(sealed: string, context: string): string
  /**
   * A keyed, deterministic tag of `text` (HMAC-SHA-256 under a subkey of the same key): finds a
   * record by a secret (a staff PIN) without storing anything that can be searched offline.
   */
  tag(text: string, context: string): string
  /** Whether the key source already holds a key (nothing is created). */
  keyPresent(): boolean
  /** A short public fingerprint of the key: tells two keys apart, reveals nothing of them. */
  fingerprint(): string
}

const VERSION = 'v1'
const ALGORITHM = 'aes-256-gcm'
const NONCE_BYTES = 12
const TAG_BYTES = 16

export function createSecretBox(source: KeySource): SecretBox {
  let cached: Buffer | null = null
  const key = (): Buffer => {
    if (cached) return cached
    let k: Buffer
    try {
      k = source.key()
    } catch (e) {
      // The intake turns this into the message on screen: say why and what to do.
      if (e instanceof SecretsUnavailable) throw new DomainError('unavailable', reason('secrets.unavailable', e.message, { detail: e.message }))
      throw e
    }
    if (k.length !== 32) throw new DomainError('unavailable', reason('secrets.keyDamaged', `The encryption key in ${source.description} is not 32 bytes: it is damaged.`, { source: source.description }))
    cached = k
    return k
  }
  let tagKey: Buffer | null = null
  return {
    check: () => source.check(),
    keyPresent: () => source.present?.() ?? true,
    fingerprint() {
      const id = Buffer.from(hkdfSync('sha256', key(), Buffer.alloc(0), 'dropdesk key fingerprint', 32))
      return createHmac('sha256', id).update('dropdesk-key-check').digest('base64url').slice(0, 22)
    },
    tag(text, context) {
      tagKey ??= Buffer.from(hkdfSync('sha256', key(), Buffer.alloc(0), 'dropdesk lookup tag', 32))
      return createHmac('sha256', tagKey).update(context).update('\0').update(text, 'utf8').digest('base64url')
    },
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES)
      const cipher = createCipheriv(ALGORITHM, key(), nonce)
      cipher.setAAD(Buffer.from(context, 'utf8'))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [VERSION, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
    },
    open(sealed, context) {
      const parts = sealed.split('.')
      const [version, nonce, tag, body] = parts
      if (parts.length !== 4 || version !== VERSION || !nonce || !tag || body === undefined) {
        throw new DomainError('conflict', reason('secrets.unknownFormat', 'This stored secret is not in a format DropDesk knows: it was altered.'))
      }
      try {
        const decipher = createDecipheriv(ALGORITHM, key(), Buffer.from(nonce, 'base64url'), { authTagLength: TAG_BYTES })
        decipher.setAAD(Buffer.from(context, 'utf8'))
        decipher.setAuthTag(Buffer.from(tag, 'base64url'))
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
      } catch (e) {
        if (e instanceof DomainError) throw e
        throw new DomainError('conflict', reason('secrets.doesNotOpen', 'This stored secret does not decrypt: it was altered, or sealed with another key or for another record.'))
      }
    },
  }
}
