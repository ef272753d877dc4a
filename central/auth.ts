// Kiosk identity: a one-time enrolment code (created by an operator for a counter) is traded
// for a per-kiosk bearer token. Only hashes are stored, so a database leak gives no token;
// revoking sets revoked_at and the token is refused from the next request on.
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from './db'
import { inTransaction } from './db'

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex')

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** "XXXX-XXXX-XXXX": 60 bits, easy to read out and type at a counter. */
function newCode(): string {
  const chars = Array.from(randomBytes(12), (b) => ALPHABET[b % 32]).join('')
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`
}

/** Codes are compared without case, spaces or dashes: staff type them by hand. */
export function normalizeEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '')
}

export async function createEnrolmentCode(db: Db, counterId: string, ttlHours = 72): Promise<{ code: string; expiresAt: string }> {
  const code = newCode()
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000).toISOString()
  await db.query('INSERT INTO enrolment_codes (code_hash, counter_id, expires_at) VALUES ($1, $2, $3)', [
    sha256Hex(normalizeEnrolmentCode(code)),
    counterId,
    expiresAt,
  ])
  return { code, expiresAt }
}

export type EnrolOutcome = { ok: true; token: string; counterId: string } | { ok: false; reason: string }

/** Uses the code once; a kiosk enrolling again gets a new token and its old one stops working. */
export async function enrolKiosk(db: Db, code: string, kioskId: string): Promise<EnrolOutcome> {
  return inTransaction(db, async (c) => {
    const row = await c.query<{ counter_id: string }>(
      `UPDATE enrolment_codes SET used_at = now(), used_by = $2
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING counter_id`,
      [sha256Hex(normalizeEnrolmentCode(code)), kioskId],
    )
    const counterId = row.rows[0]?.counter_id
    if (!counterId) return { ok: false, reason: 'This enrolment code is unknown, already used or expired. Ask the operator for a new one.' }
    const token = `dd_${randomBytes(32).toString('base64url')}`
    await c.query(
      `INSERT INTO kiosks (kiosk_id, counter_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (kiosk_id) DO UPDATE SET counter_id = excluded.counter_id, token_hash = excluded.token_hash,
         enrolled_at = now(), revoked_at = NULL`,
      [kioskId, counterId, sha256Hex(token)],
    )
    return { ok: true, token, counterId }
  })
}

export interface KioskIdentity {
  kioskId: string
  counterId: string
}

export async function kioskForToken(db: Db, token: string): Promise<KioskIdentity | null> {
  return kioskForTokenHash(db, sha256Hex(token))
}

export async function kioskForTokenHash(db: Db, tokenHash: string): Promise<KioskIdentity | null> {
  const r = await db.query<{ kiosk_id: string; counter_id: string }>(
    'SELECT kiosk_id, counter_id FROM kiosks WHERE token_hash = $1 AND revoked_at IS NULL',
    [tokenHash],
  )
  const row = r.rows[0]
  return row ? { kioskId: row.kiosk_id, counterId: row.counter_id } : null
}

export async function revokeKiosk(db: Db, kioskId: string): Promise<boolean> {
  const r = await db.query('UPDATE kiosks SET revoked_at = now() WHERE kiosk_id = $1 AND revoked_at IS NULL', [kioskId])
  return (r.rowCount ?? 0) > 0
}

export function bearer(header: string | undefined): string | null {
  const m = /^Bearer (\S+)$/.exec(header ?? '')
  return m?.[1] ?? null
}
