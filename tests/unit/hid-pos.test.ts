// HID-POS scanners: byte-level input reports built from the HID POS usage tables (report id
// 0x02, length, AIM symbology identifier, 56 data bytes, 2 vendor bytes, the "decoded data
// continued" bit), fed through the same assembler node-hid's `data` events go to; and the
// lazy loader with the native module unavailable.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createHidLoader, type HidLoad, type NodeHid } from '../../electron/services/devices/scanners/hid-loader'
import { HidPosAssembler, parseHidPosReport, symbologyName } from '../../electron/services/devices/scanners/hid-pos-report'
import { HidPosSource } from '../../electron/services/devices/scanners/hid-pos-source'

/** One 64-byte scanned data report. */
function report(data: string, opts: { symbology?: string | null; continued?: boolean; id?: number } = {}): Buffer {
  const bytes = Buffer.alloc(64)
  const payload = Buffer.from(data, 'utf8')
  if (payload.length > 56) throw new Error('a report holds 56 data bytes')
  bytes[0] = opts.id ?? 0x02
  bytes[1] = payload.length
  if (opts.symbology !== null) Buffer.from(opts.symbology ?? ']C0', 'latin1').copy(bytes, 2)
  payload.copy(bytes, 5)
  bytes[61] = 0x41 // vendor bytes: must be ignored
  bytes[62] = 0x42
  bytes[63] = opts.continued ? 0x01 : 0x00
  return bytes
}

/** A long code split the way a scanner does: 56 bytes a report, continued bit on all but the last. */
function reports(code: string, symbology: string): Buffer[] {
  const chunks = code.match(/[\s\S]{1,56}/g)!
  return chunks.map((c, i) => report(c, { symbology, continued: i < chunks.length - 1 }))
}

describe('parseHidPosReport', () => {
  it('reads a single QR report: symbology, data, no continuation', () => {
    const r = parseHidPosReport(report('BMR-7731902-00', { symbology: ']Q1' }))
    expect(r).toMatchObject({ reportId: 2, symbology: ']Q1', continued: false })
    expect(Buffer.from(r!.data).toString()).toBe('BMR-7731902-00')
  })

  it('ignores other reports and malformed lengths', () => {
    expect(parseHidPosReport(report('X', { id: 0x04 }))).toBeNull()
    const bad = report('ABC')
    bad[1] = 60 // more than the 56-byte data field
    expect(parseHidPosReport(bad)).toBeNull()
    expect(parseHidPosReport(Buffer.from([0x02, 0x01]))).toBeNull()
  })

  it('leaves the symbology out when the scanner sends none, and names unknown ones so', () => {
    expect(parseHidPosReport(report('1234', { symbology: null }))!.symbology).toBeUndefined()
    expect(symbologyName(']Z9')).toBe('unknown')
    expect(symbologyName(']C0')).toBe('Code 128')
    expect(symbologyName(undefined)).toBe('unknown')
  })
})

describe('HidPosAssembler', () => {
  it('returns a single-report code at once', () => {
    const a = new HidPosAssembler()
    expect(a.push(report('1Z999AA10123456784', { symbology: ']C0' }))).toEqual({ code: '1Z999AA10123456784', symbology: ']C0' })
  })

  it('joins a multi-report code (a long QR payload) and keeps the first report symbology', () => {
    const long = 'https://returns.example.com/r/BMR-7731902-00?lang=fr&counter=K1234&check=' + 'x'.repeat(60)
    const parts = reports(long, ']Q1')
    expect(parts.length).toBe(3)
    const a = new HidPosAssembler()
    expect(a.push(parts[0]!)).toBeNull()
    expect(a.push(parts[1]!)).toBeNull()
    expect(a.push(parts[2]!)).toEqual({ code: long, symbology: ']Q1' })
    // And starts afresh for the next code.
    expect(a.push(report('RMA-7731902', { symbology: ']C0' }))).toEqual({ code: 'RMA-7731902', symbology: ']C0' })
  })

  it('passes a code with an unknown or missing symbology on, without a symbology', () => {
    const a = new HidPosAssembler()
    expect(a.push(report('ABC-123', { symbology: null }))).toEqual({ code: 'ABC-123' })
    expect(a.push(report('ABC-124', { symbology: ']Z9' }))).toEqual({ code: 'ABC-124', symbology: ']Z9' })
  })

  it('keeps GS separators of a GS1 DataMatrix and strips a trailing CR', () => {
    const a = new HidPosAssembler()
    expect(a.push(report('0109506000134352\u001d21SN1\r', { symbology: ']d2' }))).toEqual({ code: '0109506000134352\u001d21SN1', symbology: ']d2' })
  })

  it('drops a runaway code whose continued bit never clears', () => {
    const a = new HidPosAssembler()
    for (let i = 0; i < 200; i++) expect(a.push(report('y'.repeat(56), { continued: true }))).toBeNull()
    expect(a.push(report('end of the runaway code'))).toBeNull()
    expect(a.push(report('OK-1234'))).toEqual({ code: 'OK-1234', symbology: ']C0' })
  })
})

describe('node-hid loaded lazily', () => {
  it('turns a missing native module into a reason, never a throw', async () => {
    const load = createHidLoader(() => import('node-hid-not-installed' as string))
    const r = await load()
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/could not be loaded.*keyboard-wedge or serial/)
  })

  it('turns a native binding that fails to load (no libusb) into a reason', async () => {
    const load = createHidLoader(async () => {
      throw new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory')
    })
    const r = await load()
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('libusb-1.0.so.0') })
  })

  it('loads the real node-hid here', async () => {
    const r = await createHidLoader()()
    expect(r.ok).toBe(true)
  })

  it('shows the HID source as unavailable, without polling or throwing', async () => {
    const states: string[] = []
    const source = new HidPosSource({ usagePage: 0x8c }, { scanned: () => {}, state: (s) => states.push(s) }, async () => ({ ok: false, reason: 'no libusb' }), 10)
    source.start()
    await new Promise((r) => setTimeout(r, 60))
    await source.stop()
    expect(states).toEqual(['unavailable'])
  })
})

/** node-hid at the edge of the world: a device list and devices that emit reports or errors. */
function fakeHid(present: { value: boolean }) {
  const opened: EventEmitter[] = []
  class HID extends EventEmitter {
    constructor(readonly path: string) {
      super()
      opened.push(this)
    }
    close(): void {}
  }
  const devices = async () => (present.value ? [{ vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw9', usagePage: 0x8c, usage: 2, product: 'Scanner', release: 1, interface: 0 }] : [])
  const mod = { devices: () => [], devicesAsync: devices, HID } as unknown as NodeHid
  return { opened, load: async (): Promise<HidLoad> => ({ ok: true, hid: mod }) }
}

describe('HidPosSource hot-plug', () => {
  it('reads reports, and after an unplug (read error) reopens the scanner when it is back', async () => {
    const present = { value: true }
    const hid = fakeHid(present)
    const states: string[] = []
    const codes: string[] = []
    const source = new HidPosSource({ usagePage: 0x8c }, { scanned: (c) => codes.push(c), state: (s) => states.push(s) }, hid.load, 20)
    source.start()
    await expect.poll(() => hid.opened.length).toBe(1)
    hid.opened[0]!.emit('data', report('RMA-7731902'))
    present.value = false
    hid.opened[0]!.emit('error', new Error('could not read from HID device'))
    await expect.poll(() => states.at(-1)).toBe('disconnected')
    present.value = true
    await expect.poll(() => hid.opened.length).toBe(2)
    hid.opened[1]!.emit('data', report('RMA-7731903'))
    await source.stop()
    expect(codes).toEqual(['RMA-7731902', 'RMA-7731903'])
    expect(states).toEqual(['connected', 'disconnected', 'connected'])
  })

  it('matches by vendor and product id when configured, by usage page otherwise', async () => {
    const { matchesHidConfig } = await import('../../electron/services/devices/scanners/hid-pos-source')
    const d = { vendorId: 0x0c2e, productId: 0x0b61, path: 'p', usagePage: 0x01, release: 1, interface: 0 }
    expect(matchesHidConfig(d, { usagePage: 0x8c })).toBe(false)
    expect(matchesHidConfig(d, { usagePage: 0x8c, vendorId: 0x0c2e })).toBe(true)
    expect(matchesHidConfig(d, { usagePage: 0x8c, vendorId: 0x0c2e, productId: 0x0001 })).toBe(false)
    expect(matchesHidConfig({ ...d, usagePage: 0x8c }, { usagePage: 0x8c })).toBe(true)
  })
})

describe('ScannerManager with HID enabled', () => {
  it('shows a missing native library as an unavailable source, pushed as device.status', async () => {
    const { ScannerManager } = await import('../../electron/services/devices/scanners/scanner-manager')
    const { EventBus } = await import('../../electron/services/event-bus')
    const bus = new EventBus()
    const events: Array<[string, unknown]> = []
    bus.on((name, payload) => events.push([name, payload]))
    const log = { info: () => {}, warn: () => {}, error: () => {} }
    const manager = new ScannerManager({ bus, log, now: () => new Date(), loadHid: async () => ({ ok: false, reason: 'no libusb here' }), pollMs: 10 })
    await manager.apply({
      wedge: { enabled: true, prefix: '', suffix: '' },
      camera: { enabled: false },
      hid: { enabled: true, usagePage: 0x8c },
      serial: { enabled: false, path: '', baudRate: 9600, terminator: 'cr', interByteTimeoutMs: 50 },
    })
    await expect.poll(() => manager.list().find((s) => s.source === 'hid')?.state).toBe('unavailable')
    expect(manager.list()).toEqual([
      { source: 'hid', state: 'unavailable', detail: 'no libusb here' },
      { source: 'serial', state: 'disabled' },
    ])
    expect(events).toContainEqual(['device.status', { source: 'hid', state: 'unavailable', detail: 'no libusb here' }])
    await manager.stop()
  })
})
