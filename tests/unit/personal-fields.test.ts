// The personal fields of case events and the v2 event hash: erasing a field keeps the hash,
// any other change (or a forged marker) does not, and an erased event is still a valid event.
import { describe, expect, it } from 'vitest'
import { caseEventPayloads } from '@shared/domain/case-events'
import { holdsPersonalData, isErasedMarker, personalFieldsOf, withoutErasedMarkers } from '@shared/domain/personal-fields'
import { erasePayload, eventHashV2, fieldDigest, newPiiSalt, type HashedEventColumnsV2 } from '../../electron/services/audit/event-hash-v2'
import { eventHash } from '../../electron/services/audit/event-hash'
import { expectedEventHash, hashForAppend } from '../../electron/services/audit/event-hash-versions'

const IMEI = '356938035643809'

function identified(payload: Record<string, unknown>, salt: string | null): HashedEventColumnsV2 {
  return {
    id: 'ev-1',
    case_id: 'case-1',
    case_seq: 3,
    type: 'device.identified',
    payload: JSON.stringify(payload),
    actor: 'staff-1',
    kiosk_id: 'KTEST1',
    at: '2026-11-23T09:00:00.000Z',
    prev_hash: 'a'.repeat(64),
    pii_salt: salt,
  }
}

const plain = { category: 'smartphone', imei: IMEI, imeiMatch: 'match', serialMatch: 'not_entered' }

describe('personal fields', () => {
  it('are declared for device.identified only, and recognised in a payload', () => {
    expect(personalFieldsOf('device.identified')).toEqual(['imei', 'serial'])
    expect(personalFieldsOf('case.started')).toEqual([])
    expect(holdsPersonalData('device.identified', plain)).toBe(true)
    expect(holdsPersonalData('device.identified', { ...plain, imei: { erased: true, digest: 'b'.repeat(64) } })).toBe(false)
  })

  it('recognises an erased marker only in its exact shape', () => {
    expect(isErasedMarker({ erased: true, digest: 'c'.repeat(64) })).toBe(true)
    expect(isErasedMarker({ erased: true, digest: 'C'.repeat(64) })).toBe(false)
    expect(isErasedMarker({ erased: 'yes', digest: 'c'.repeat(64) })).toBe(false)
    expect(isErasedMarker({ erased: true, digest: 'c'.repeat(64), imei: IMEI })).toBe(false)
    expect(isErasedMarker(IMEI)).toBe(false)
  })

  it('leaves an erased event valid against its payload schema (here and at the central system)', () => {
    const erased = JSON.parse(erasePayload('device.identified', 'ev-1', JSON.stringify(plain), newPiiSalt())) as Record<string, unknown>
    expect(isErasedMarker(erased.imei)).toBe(true)
    expect(caseEventPayloads['device.identified'].safeParse(erased).success).toBe(false)
    expect(caseEventPayloads['device.identified'].safeParse(withoutErasedMarkers('device.identified', erased)).success).toBe(true)
    // A marker anywhere else is not stripped: the payload stays invalid.
    const forged = { ...plain, category: { erased: true, digest: 'd'.repeat(64) } }
    expect(caseEventPayloads['device.identified'].safeParse(withoutErasedMarkers('device.identified', forged)).success).toBe(false)
  })
})

describe('event hash v2', () => {
  const salt = newPiiSalt()
  const row = identified(plain, salt)
  const hash = eventHashV2(row)

  it('is unchanged when the personal fields are erased and the salt dropped', () => {
    const erased = { ...row, payload: erasePayload(row.type, row.id, row.payload, salt), pii_salt: null }
    expect(erased.payload).not.toContain(IMEI)
    expect(eventHashV2(erased)).toBe(hash)
  })

  it('changes with the IMEI, any other field, a forged digest, or a removed salt', () => {
    expect(eventHashV2(identified({ ...plain, imei: '490154203237518' }, salt))).not.toBe(hash)
    expect(eventHashV2(identified({ ...plain, imeiMatch: 'mismatch' }, salt))).not.toBe(hash)
    expect(eventHashV2({ ...row, actor: 'staff-2' })).not.toBe(hash)
    expect(eventHashV2(identified({ ...plain, imei: { erased: true, digest: 'e'.repeat(64) } }, null))).not.toBe(hash)
    expect(eventHashV2({ ...row, pii_salt: null })).not.toBe(hash)
  })

  it('salts the digest: the same IMEI gives another digest in another event', () => {
    expect(fieldDigest(salt, 'ev-1', 'imei', IMEI)).not.toBe(fieldDigest(newPiiSalt(), 'ev-1', 'imei', IMEI))
  })

  it('commits to the stored text itself for an event type without personal fields', () => {
    const started = { ...row, type: 'order.verified', payload: '{"orderNumber":"BM-1"}', pii_salt: null }
    expect(eventHashV2(started)).not.toBe(eventHashV2({ ...started, payload: '{"orderNumber": "BM-1"}' }))
  })

  it('is chosen per row by its format, v1 rows keeping their v1 hash', () => {
    const appended = hashForAppend(row)
    expect(appended.hashV).toBe(2)
    expect(appended.piiSalt).toMatch(/^[0-9a-f]{64}$/)
    expect(expectedEventHash({ ...row, pii_salt: appended.piiSalt, hash: appended.hash, hash_v: 2 })).toBe(appended.hash)
    // A row as DropDesk wrote it before migration 008: v1, no salt.
    const v1 = { hash: eventHash(row), hashV: 1, piiSalt: null }
    expect(expectedEventHash({ ...row, hash: v1.hash, hash_v: 1 })).toBe(v1.hash)
    expect(expectedEventHash({ ...row, hash: v1.hash })).toBe(eventHash(row))
  })
})
