// Staff PINs are stored as scrypt hashes, never in clear. Parameters: N=2^15, r=8, p=1 (32 MiB
// of memory; 100-300 ms per hash on a 2-core machine, `npm run bench -- staff`),
// a 16-byte random salt per PIN, a 32-byte key, compared with timingSafeEqual. This is below
// OWASP's scrypt floor for passwords (N=2^17 at r=8, p=1) on purpose: a 6-digit PIN has only 20
// bits, which no affordable cost makes safe against an offline search of a stolen database,
// and staff sign in many times a day with a queue waiting. What protects the PINs is that the
// database stays on the kiosk, the lookup tag's key stays outside it (authenticator.ts), and,
// online, the lock-out (lockout.ts). The parameters are stored with each hash, so they can be
// raised later without breaking existing PINs.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface PinHash {
  kdf: string
  salt: Buffer
  hash: Buffer
  /** The keyed lookup tag (authenticator.ts); null when no key was available. */
  tag?: string | null
}

export const PIN_KDF_PARAMS = { N: 32768, r: 8, p: 1 } as const
const KEY_LENGTH = 32
const SALT_LENGTH = 16

function kdfName(params: { N: number; r: number; p: number }): string {
  return `scrypt:N=${params.N},r=${params.r},p=${params.p}`
}

function parseKdf(kdf: string): { N: number; r: number; p: number } {
  const m = /^scrypt:N=(\d+),r=(\d+),p=(\d+)$/.exec(kdf)
  if (!m) throw new Error(`Unknown PIN key-derivation "${kdf}".`)
  return { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }
}

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(SALT_LENGTH)
  return { kdf: kdfName(PIN_KDF_PARAMS), salt, hash: await derive(pin, salt, PIN_KDF_PARAMS) }
}

/** Timing-safe: the comparison takes the same time wherever the first differing byte is. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (stored.hash.length !== KEY_LENGTH) return false // a removed person's wiped hash
  const key = await derive(pin, stored.salt, parseKdf(stored.kdf))
  return timingSafeEqual(key, stored.hash)
}

/** A hash of nothing anyone knows: verified when no candidate matches, so a miss costs a hit's time. */
let decoy: Promise<PinHash> | null = null
export function decoyHash(): Promise<PinHash> {
  decoy ??= hashPin(randomBytes(16).toString('hex'))
  return decoy
}

/** A random 6-digit PIN from the OS's secure generator (leading zeros allowed). */
export function generatePin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}
