// A HID-POS scanner read with node-hid. node-hid has no hot-plug events, so the source polls
// `devices()` while nothing is open, opens the first match, and on a read error (the scanner
// was unplugged) closes it and goes back to polling: plugged back, it reads again within a
// poll interval. Keyboard-mode scanners are keyboards to the OS and never show up here.
import { HidPosAssembler } from './hid-pos-report'
import { createHidLoader, type HidLoad, type NodeHid } from './hid-loader'
import { RECONNECT_POLL_MS, type ScanHooks, type ScanSource } from './scanner'

export interface HidPosConfig {
  vendorId?: number
  productId?: number
  /** 0x8C, "Bar Code Scanner", unless the scanner reports another page. */
  usagePage: number
}

type Device = ReturnType<NodeHid['devices']>[number]
type OpenDevice = InstanceType<NodeHid['HID']>

const hex = (n: number): string => n.toString(16).padStart(4, '0')

export function matchesHidConfig(d: Device, c: HidPosConfig): boolean {
  if (c.vendorId !== undefined && d.vendorId !== c.vendorId) return false
  if (c.productId !== undefined && d.productId !== c.productId) return false
  // Without ids the usage page is the only way to tell a scanner from other HID devices.
  if (c.vendorId === undefined && d.usagePage !== c.usagePage) return false
  return typeof d.path === 'string'
}

export class HidPosSource implements ScanSource {
  readonly kind = 'hid' as const
  private timer: NodeJS.Timeout | null = null
  private device: OpenDevice | null = null
  private stopped = true

  constructor(
    private readonly config: HidPosConfig,
    private readonly hooks: ScanHooks,
    private readonly load: () => Promise<HidLoad> = createHidLoader(),
    private readonly pollMs = RECONNECT_POLL_MS,
  ) {}

  start(): void {
    this.stopped = false
    void this.tick()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.close()
  }

  private schedule(): void {
    if (!this.stopped && !this.device) this.timer = setTimeout(() => void this.tick(), this.pollMs)
  }

  private async tick(): Promise<void> {
    this.timer = null
    if (this.stopped || this.device) return
    const loaded = await this.load()
    if (this.stopped) return
    if (!loaded.ok) {
      this.hooks.state('unavailable', loaded.reason)
      return // a missing library does not come back by itself: no polling
    }
    try {
      const found = (await loaded.hid.devicesAsync()).find((d) => matchesHidConfig(d, this.config))
      if (this.stopped) return
      if (!found) {
        this.hooks.state('disconnected', this.wanted())
      } else {
        this.open(loaded.hid, found)
      }
    } catch (e) {
      this.hooks.state('error', `Could not list HID devices: ${e instanceof Error ? e.message : String(e)}`)
    }
    this.schedule()
  }

  private open(hid: NodeHid, d: Device): void {
    const assembler = new HidPosAssembler()
    try {
      const device = new hid.HID(d.path!)
      this.device = device
      device.on('data', (data: Buffer) => {
        const scan = assembler.push(data)
        if (scan) this.hooks.scanned(scan.code, scan.symbology)
      })
      device.on('error', (e: unknown) => {
        if (this.device !== device) return // a late error from a device already closed
        // Unplugged (or a read failure): close and let the poll find it again.
        this.close()
        this.hooks.state('disconnected', `${this.describe(d)}: ${e instanceof Error ? e.message : 'read failed'}`)
        this.schedule()
      })
      this.hooks.state('connected', this.describe(d))
    } catch (e) {
      this.close()
      // Typically a permission problem (udev rules) or a keyboard-mode device the OS holds.
      this.hooks.state('error', `${this.describe(d)} could not be opened: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  private close(): void {
    const device = this.device
    this.device = null
    if (!device) return
    device.removeAllListeners('data')
    try {
      device.close()
    } catch {
      // Already gone with the unplug.
    }
  }

  private describe(d: Device): string {
    return `${d.product ?? 'HID scanner'} (${hex(d.vendorId)}:${hex(d.productId)})`
  }

  private wanted(): string {
    const c = this.config
    return c.vendorId !== undefined ? `No HID device ${hex(c.vendorId)}:${c.productId !== undefined ? hex(c.productId) : '*'} is plugged in.` : `No HID-POS scanner (usage page 0x${c.usagePage.toString(16)}) is plugged in.`
  }
}
