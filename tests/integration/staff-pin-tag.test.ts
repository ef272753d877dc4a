// Sign-in by PIN alone finds its one candidate by a keyed tag, so it hashes one PIN however
// many staff there are; PINs stored without a tag still work and get tagged.
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/services/store/database'
import { Settings } from '../../electron/services/store/settings'
import { createSecretBox, type KeySource } from '../../electron/services/secrets/secret-box'
import { Authenticator } from '../../electron/services/staff/authenticator'
import { SignInLockout } from '../../electron/services/staff/lockout'
import { hashPin } from '../../electron/services/staff/pin-hash'
import { StaffStore } from '../../electron/services/staff/staff-store'
import { tempDir } from '../support/temp-dir'

const key = randomBytes(32)
const source: KeySource = { description: 'test key', check: () => {}, key: () => key }
const box = createSecretBox(source)
const tagOf = (pin: string) => box.tag(pin, 'staff-pin')
const AT = '2026-11-23T09:00:00Z'

function fixture() {
  const db = openDatabase(path.join(tempDir(), 'k.sqlite'))
  const store = new StaffStore(db, 'KTEST')
  const lockout = new SignInLockout(new Settings(db), () => new Date(AT))
  return { db, store, auth: new Authenticator(store, lockout, (d) => d.toISOString(), tagOf) }
}

async function addStaff(store: StaffStore, name: string, pin: string, tagged = true) {
  return store.add({ name, role: 'staff', pin: { ...(await hashPin(pin)), tag: tagged ? tagOf(pin) : null } }, 'staff.added', 'S0', AT)
}

describe('PIN lookup tag', () => {
  it('is a keyed, deterministic tag: same key and context same tag, another key or context another', () => {
    expect(box.tag('123456', 'staff-pin')).toBe(tagOf('123456'))
    expect(box.tag('123456', 'staff-pin')).not.toBe(box.tag('123457', 'staff-pin'))
    expect(box.tag('123456', 'other')).not.toBe(tagOf('123456'))
    const other = createSecretBox({ ...source, key: () => randomBytes(32) })
    expect(other.tag('123456', 'staff-pin')).not.toBe(tagOf('123456'))
  })

  it('hashes only the tagged candidate: the other staff members are never checked', async () => {
    const { db, store, auth } = fixture()
    const ana = await addStaff(store, 'Ana', '111111')
    for (const [i, pin] of ['222222', '333333', '444444', '555555'].entries()) await addStaff(store, `Other ${i}`, pin)
    // A hash no KDF can read: checking any of the others would throw.
    db.prepare("UPDATE staff SET pin_kdf = 'unknown' WHERE id != ?").run(ana.id)
    expect((await auth.authenticate('111111')).id).toBe(ana.id)
    await expect(auth.authenticate('999999')).rejects.toThrow(/Wrong PIN/)
    db.close()
  })

  it('still signs in a PIN stored without a tag, and tags it on that first match', async () => {
    const { db, store, auth } = fixture()
    const bo = await addStaff(store, 'Bo', '246810', false)
    expect(store.get(bo.id)!.pin.tag).toBeNull()
    expect((await auth.authenticate('246810')).id).toBe(bo.id)
    expect(store.get(bo.id)!.pin.tag).toBe(tagOf('246810'))
    db.close()
  })

  it('checks every hash when no key is available', async () => {
    const { db, store } = fixture()
    const lockout = new SignInLockout(new Settings(db), () => new Date(AT))
    const keyless = new Authenticator(store, lockout, (d) => d.toISOString(), () => null)
    const cy = await addStaff(store, 'Cy', '135790', false)
    expect((await keyless.authenticate('135790')).id).toBe(cy.id)
    expect(await keyless.holderOf('135790')).not.toBeNull()
    expect(await keyless.holderOf('135790', cy.id)).toBeNull()
    db.close()
  })
})
