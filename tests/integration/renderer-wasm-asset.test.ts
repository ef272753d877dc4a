// The built renderer carries zxing-wasm's .wasm as an asset of our own origin, and the camera
// worker's bundle loads that asset — it names no CDN and no http(s) address at all, so the
// decoder can never fetch executable code from the internet (scripts/zxing-local-wasm-plugin.ts).
// Reads the build output (npm test builds first; DROPDESK_OUT_DIR as tests/support/host.ts).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const assets = path.join(root, process.env.DROPDESK_OUT_DIR ?? 'out', 'renderer', 'assets')
const files = readdirSync(assets)
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('the built camera decoder', () => {
  it('ships the package’s zxing_reader.wasm, byte for byte, among the renderer assets', () => {
    const wasm = files.filter((f) => f.endsWith('.wasm'))
    expect(wasm).toHaveLength(1)
    expect(wasm[0]).toMatch(/^zxing_reader-[\w-]+\.wasm$/)
    const shipped = createRequire(__filename).resolve('zxing-wasm/reader/zxing_reader.wasm')
    expect(sha256(path.join(assets, wasm[0]!))).toBe(sha256(shipped))
  })

  it('has a worker bundle that loads that asset and names no CDN or remote address', () => {
    const workers = files.filter((f) => /^barcode-decoder\.worker-.*\.js$/.test(f))
    expect(workers).toHaveLength(1)
    const code = readFileSync(path.join(assets, workers[0]!), 'utf8')
    const wasm = files.find((f) => f.endsWith('.wasm'))!
    expect(code).toContain(wasm)
    expect(code).not.toMatch(/jsdelivr|unpkg|cdn\./i)
    expect(code).not.toMatch(/https?:\/\//)
    // The package's default locateFile was replaced by a refusal, not left to fall back on.
    expect(code).toContain('the app must locate the .wasm itself (no CDN)')
  })

  it('keeps the main renderer bundle free of the CDN address too', () => {
    for (const f of files.filter((name) => name.endsWith('.js'))) expect(readFileSync(path.join(assets, f), 'utf8')).not.toMatch(/jsdelivr/i)
  })
})
