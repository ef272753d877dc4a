// The one scan stream on the service side: builds the configured sources, drops duplicate
// scans (same code, same source, within 1 s), pushes each scan to every renderer as
// `scanner.scanned` and each state change as `device.status`. Started with the services,
// stopped when they close; reconfiguring restarts the sources with the new settings.
// Codes may be IMEIs: they are kept in memory for the test-scan screen, never logged.
import type { DeviceState, DeviceStatusView, ScannerSettings } from '@shared/contract/devices-views'
import type { ScanEvent } from '@shared/contract/views'
import { DuplicateFilter } from '@shared/domain/scan-dedupe'
import type { EventBus } from '../../event-bus'
import type { Log } from '../../log'
import { HidPosSource } from './hid-pos-source'
import type { HidLoad } from './hid-loader'
import type { ScanHooks, ScanSource } from './scanner'
import { SerialSource } from './serial-source'

type ServiceSource = 'hid' | 'serial'
const RECENT = 20

export interface ScannerManagerOptions {
  bus: EventBus
  log: Log
  now: () => Date
  /** Replaces node-hid's loader (tests make the native module unavailable). */
  loadHid?: () => Promise<HidLoad>
  pollMs?: number
}

export class ScannerManager {
  private sources: ScanSource[] = []
  private readonly status = new Map<ServiceSource, DeviceStatusView>()
  private readonly recent: ScanEvent[] = []
  private readonly duplicates = new DuplicateFilter(1000)
  private generation = 0
  /** apply() and stop() run one at a time: two quick reconfigurations must not both start sources. */
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly options: ScannerManagerOptions) {}

  /** (Re)starts the sources the settings enable. */
  apply(settings: ScannerSettings): Promise<void> {
    return this.serially(() => this.restart(settings))
  }

  stop(): Promise<void> {
    return this.serially(() => this.stopSources())
  }

  private serially(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task)
    this.queue = run.catch(() => {})
    return run
  }

  private async restart(settings: ScannerSettings): Promise<void> {
    await this.stopSources()
    const mine = this.generation
    const { hid, serial } = settings
    // Always announced, even when unchanged: other windows re-read the settings on it.
    this.setState(mine, 'hid', hid.enabled ? 'disconnected' : 'disabled', undefined, true)
    this.setState(mine, 'serial', serial.enabled ? 'disconnected' : 'disabled', undefined, true)
    if (hid.enabled) {
      const config = { usagePage: hid.usagePage, ...(hid.vendorId !== undefined ? { vendorId: hid.vendorId } : {}), ...(hid.productId !== undefined ? { productId: hid.productId } : {}) }
      this.sources.push(new HidPosSource(config, this.hooks(mine, 'hid'), this.options.loadHid, this.options.pollMs))
    }
    if (serial.enabled) this.sources.push(new SerialSource(serial, this.hooks(mine, 'serial'), this.options.pollMs))
    for (const s of this.sources) s.start()
  }

  private async stopSources(): Promise<void> {
    this.generation++ // late callbacks of the old sources are ignored from here on
    const old = this.sources
    this.sources = []
    await Promise.all(old.map((s) => s.stop()))
  }

  list(): DeviceStatusView[] {
    return (['hid', 'serial'] as const).map((s) => this.status.get(s) ?? { source: s, state: 'disabled' })
  }

  recentScans(): ScanEvent[] {
    return [...this.recent]
  }

  private hooks(generation: number, source: ServiceSource): ScanHooks {
    return {
      scanned: (code, symbology) => {
        if (generation !== this.generation) return
        const now = this.options.now()
        if (!this.duplicates.accept(source, code, now.getTime())) return
        const scan: ScanEvent = { code, source, at: now.toISOString(), ...(symbology ? { symbology } : {}) }
        this.recent.unshift(scan)
        this.recent.length = Math.min(this.recent.length, RECENT)
        const current = this.status.get(source)
        if (current) this.status.set(source, { ...current, lastScan: scan })
        this.options.bus.emit('scanner.scanned', scan)
        // A signed-out screen gets no code (staff/access.ts), only that a scan happened.
        this.options.bus.emit('scanner.signInFirst', { source: scan.source, at: scan.at })
      },
      state: (state, detail) => this.setState(generation, source, state, detail),
    }
  }

  private setState(generation: number, source: ServiceSource, state: DeviceState, detail?: string, force = false): void {
    if (generation !== this.generation) return
    const before = this.status.get(source)
    if (!force && before && before.state === state && before.detail === detail) return
    const next: DeviceStatusView = { source, state, ...(detail ? { detail } : {}), ...(before?.lastScan ? { lastScan: before.lastScan } : {}) }
    this.status.set(source, next)
    if (state !== before?.state) this.options.log.info('scanner status', { source, state })
    this.options.bus.emit('device.status', next)
  }
}
