// node-hid is a native module: a kiosk without its prebuilt binary, or without libusb/hidraw,
// must still start, and show the HID source as unavailable instead of crashing. So it is
// loaded on first use only, and any failure becomes a reason the devices screen shows.
export type NodeHid = typeof import('node-hid')

export type HidLoad = { ok: true; hid: NodeHid } | { ok: false; reason: string }

export type HidImporter = () => Promise<unknown>

const defaultImporter: HidImporter = () => import('node-hid')

/** Loads node-hid once per importer; a failure is kept too (retrying a missing binary is pointless). */
export function createHidLoader(importer: HidImporter = defaultImporter): () => Promise<HidLoad> {
  let pending: Promise<HidLoad> | null = null
  return () => (pending ??= load(importer))
}

async function load(importer: HidImporter): Promise<HidLoad> {
  try {
    const mod = (await importer()) as Partial<NodeHid> & { default?: Partial<NodeHid> }
    // CommonJS modules imported from ESM put their exports on `default`.
    const hid = (typeof mod.devices === 'function' ? mod : mod.default) as NodeHid | undefined
    if (!hid || typeof hid.devices !== 'function' || typeof hid.HID !== 'function') {
      return { ok: false, reason: 'The HID library loaded but is not node-hid: reinstall DropDesk.' }
    }
    return { ok: true, hid }
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e)
    return {
      ok: false,
      reason: `The HID scanner library could not be loaded (${message.slice(0, 160)}). Install libusb/hidraw support, or use the keyboard-wedge or serial source.`,
    }
  }
}
