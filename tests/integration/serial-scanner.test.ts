// A serial scanner through the whole service side: a real pty pair from socat, the settings
// changed by a supervisor through the contract (and refused to staff), codes written into the
// scanner's end arriving as `scanner.scanned` events, duplicates suppressed, and an unplug
// (socat killed) followed by a replug (socat started again) read again within 5 s.
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { DevicesView, DeviceStatusView } from '@shared/contract/devices-views'
import type { ScanEvent } from '@shared/contract/views'
import { createServices } from '../../electron/services'
import type { Services } from '../../electron/services/types'
import { startPtyPair, type PtyPair } from '../support/pty-pair'
import { tempDir } from '../support/temp-dir'

const open: Array<{ close(): unknown } | PtyPair> = []
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await ('kill' in o ? o.kill() : o.close())
})

function watch(services: Services) {
  const scans: ScanEvent[] = []
  const states: DeviceStatusView[] = []
  services.onEvent((name, payload) => {
    if (name === 'scanner.scanned') scans.push(payload as ScanEvent)
    if (name === 'device.status') states.push(payload as DeviceStatusView)
  })
  return { scans, states, serialState: () => states.filter((s) => s.source === 'serial').at(-1)?.state }
}

async function signedIn(services: Services) {
  const session = services.openSession()
  const r = await services.dispatch('session.signIn', { pin: services.firstRunSupervisorPin }, session)
  expect(r.ok).toBe(true)
  return session
}

const serialSettings = (p: string) => ({
  wedge: { enabled: true, prefix: '', suffix: '' },
  camera: { enabled: false },
  hid: { enabled: false, usagePage: 0x8c },
  serial: { enabled: true, path: p, baudRate: 9600, terminator: 'cr' as const, interByteTimeoutMs: 50 },
})

describe('serial scanner on a real pty', () => {
  it('reads codes, drops duplicates, and comes back after an unplug within 5 s', async () => {
    const dir = tempDir()
    const appEnd = path.join(dir, 'scanner-app')
    const scannerEnd = path.join(dir, 'scanner-device')
    let pty = await startPtyPair(appEnd, scannerEnd)
    open.push(pty)
    const services = await createServices({ dataDir: path.join(dir, 'data'), transport: 'browser', timeZone: 'Europe/Paris' })
    open.push(services)
    const seen = watch(services)
    const session = await signedIn(services)

    const r = await services.dispatch('devices.configure', { settings: serialSettings(appEnd) }, session)
    expect(r.ok).toBe(true)
    await expect.poll(seen.serialState, { timeout: 5000 }).toBe('connected')

    pty.write('RMA-7731902\r')
    pty.write('RMA-7731902\r') // the scanner's double read: counts once
    pty.write('1Z999AA10123456784\r')
    await expect.poll(() => seen.scans.map((s) => s.code), { timeout: 5000 }).toEqual(['RMA-7731902', '1Z999AA10123456784'])
    expect(seen.scans[0]).toMatchObject({ source: 'serial', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })

    // Unplug, then plug back in: no restart of anything but the "device".
    await pty.kill()
    await expect.poll(seen.serialState, { timeout: 5000 }).toBe('disconnected')
    pty = await startPtyPair(appEnd, scannerEnd)
    open.push(pty)
    const replugged = Date.now()
    await expect.poll(seen.serialState, { timeout: 5000 }).toBe('connected')
    expect(Date.now() - replugged).toBeLessThan(5000)
    pty.write('BMR-7731902-00\r')
    await expect.poll(() => seen.scans.at(-1)?.code, { timeout: 5000 }).toBe('BMR-7731902-00')

    // The devices list shows the source, its state and its last scan.
    const list = await services.dispatch('devices.list', {}, session)
    expect(list.ok && (list.value as DevicesView).sources.find((s) => s.source === 'serial')).toMatchObject({ state: 'connected', lastScan: { code: 'BMR-7731902-00' } })
  })

  it('keeps the settings across a restart, and lets only a supervisor change them', async () => {
    const dir = tempDir()
    const appEnd = path.join(dir, 'scanner-app')
    const pty = await startPtyPair(appEnd, path.join(dir, 'scanner-device'))
    open.push(pty)
    const dataDir = path.join(dir, 'data')
    const first = await createServices({ dataDir, transport: 'browser', timeZone: 'Europe/Paris' })
    const supervisor = await signedIn(first)
    const pin = first.firstRunSupervisorPin
    expect((await first.dispatch('devices.configure', { settings: serialSettings(appEnd) }, supervisor)).ok).toBe(true)
    const added = await first.dispatch('staff.add', { name: 'Léa', role: 'staff', pin: '48213377' }, supervisor)
    expect(added.ok).toBe(true)
    first.close()

    const services = await createServices({ dataDir, transport: 'browser', timeZone: 'Europe/Paris' })
    open.push(services)
    const seen = watch(services)
    await expect.poll(seen.serialState, { timeout: 5000 }).toBe('connected')

    const staff = services.openSession()
    expect((await services.dispatch('session.signIn', { pin: '48213377' }, staff)).ok).toBe(true)
    const listed = await services.dispatch('devices.list', {}, staff)
    expect(listed.ok && (listed.value as DevicesView).canConfigure).toBe(false)
    const refused = await services.dispatch('devices.configure', { settings: { ...serialSettings(appEnd), serial: { ...serialSettings(appEnd).serial, enabled: false } } }, staff)
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const anonymous = await services.dispatch('devices.configure', { settings: serialSettings('') }, services.openSession())
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    // Nothing changed: still reading.
    pty.write('RL-7000042\r')
    await expect.poll(() => seen.scans.at(-1)?.code, { timeout: 5000 }).toBe('RL-7000042')
    expect(pin).toBeTruthy()
  })
})
