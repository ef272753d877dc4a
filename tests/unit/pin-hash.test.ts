import { describe, expect, it } from 'vitest'
import { generatePin, hashPin, PIN_KDF_PARAMS, verifyPin } from '../../electron/services/staff/pin-hash'
import { lockMinutes } from '../../electron/services/staff/lockout'

describe('staff PIN storage', () => {
  it('stores a slow scrypt hash with its own salt and parameters, never the PIN', async () => {
    const a = await hashPin('482913')
    const b = await hashPin('482913')
    expect(a.kdf).toBe(`scrypt:N=${PIN_KDF_PARAMS.N},r=${PIN_KDF_PARAMS.r},p=${PIN_KDF_PARAMS.p}`)
    expect(PIN_KDF_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15)
    expect(a.salt).toHaveLength(16)
    expect(a.hash).toHaveLength(32)
    // Same PIN, different salt, different hash: no table of precomputed PINs applies.
    expect(a.salt.equals(b.salt)).toBe(false)
    expect(a.hash.equals(b.hash)).toBe(false)
    expect(a.hash.toString('latin1')).not.toContain('482913')
    expect(a.hash.toString('hex')).not.toContain(Buffer.from('482913').toString('hex'))
  })

  it('verifies the right PIN only, and never a wiped hash', async () => {
    const stored = await hashPin('000731')
    expect(await verifyPin('000731', stored)).toBe(true)
    expect(await verifyPin('000732', stored)).toBe(false)
    expect(await verifyPin('0007310', stored)).toBe(false)
    expect(await verifyPin('000731', { ...stored, hash: Buffer.alloc(0), salt: Buffer.alloc(0) })).toBe(false)
    await expect(verifyPin('000731', { ...stored, kdf: 'md5' })).rejects.toThrow(/Unknown PIN key-derivation/)
    // Five key derivations, slow by design: on a loaded two-core machine they take far longer than the default 5 s.
  }, 60_000)

  it('generates 6-digit PINs, leading zeros included, spread over the whole range', () => {
    const pins = Array.from({ length: 2000 }, generatePin)
    for (const p of pins) expect(p).toMatch(/^\d{6}$/)
    expect(new Set(pins).size).toBeGreaterThan(1990)
    expect(new Set(pins.map((p) => p[0])).size).toBe(10)
  })

  it('locks for 1, 2, 4 … minutes, at most an hour', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 12].map(lockMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60])
  })
})
