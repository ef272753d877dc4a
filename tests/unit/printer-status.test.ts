// Printer replies parsed into the one status enum the panel shows.
import { describe, expect, it } from 'vitest'
import { parseEscPosStatus, parseZebraHostStatus, statusHelp } from '../../electron/services/devices/printers/printer-status'
import { statusFromReasons } from '../../electron/services/devices/printers/ipp'
import { decodeResponse, encodeRequest, IPP_TAG } from '../../electron/services/devices/printers/ipp-codec'
import { printerStatuses } from '../../shared/contract/printing-views'

const hs = (paperOut: string, paused: string, headUp: string) =>
  `\x02030,${paperOut},${paused},1245,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,${headUp},0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n`

describe('Zebra ~HS', () => {
  it('reads paper out, head up and pause; anything incomplete is no answer', () => {
    expect(parseZebraHostStatus(hs('0', '0', '0'))).toBe('ready')
    expect(parseZebraHostStatus(hs('1', '0', '0'))).toBe('paper_out')
    expect(parseZebraHostStatus(hs('0', '0', '1'))).toBe('head_open')
    expect(parseZebraHostStatus(hs('0', '1', '0'))).toBe('offline')
    expect(parseZebraHostStatus('\x02030,0,0\x03')).toBeNull()
    expect(parseZebraHostStatus('')).toBeNull()
  })
})

describe('ESC/POS DLE EOT', () => {
  it('reads cover open and paper end from n=2 and n=4; rejects bytes that are not status bytes', () => {
    expect(parseEscPosStatus(Buffer.from([0x12, 0x12, 0x12]))).toBe('ready')
    expect(parseEscPosStatus(Buffer.from([0x12, 0x16, 0x12]))).toBe('head_open')
    expect(parseEscPosStatus(Buffer.from([0x12, 0x32, 0x72]))).toBe('paper_out')
    expect(parseEscPosStatus(Buffer.from([0x1a, 0x12, 0x12]))).toBe('offline')
    expect(parseEscPosStatus(Buffer.from([0x12, 0x12]))).toBeNull()
    expect(parseEscPosStatus(Buffer.from([0xff, 0x12, 0x12]))).toBeNull()
  })
})

describe('IPP', () => {
  it('maps printer-state-reasons to the status', () => {
    expect(statusFromReasons(['none'], 3)).toBe('ready')
    expect(statusFromReasons(['media-empty-error'])).toBe('paper_out')
    expect(statusFromReasons(['cover-open-warning'])).toBe('head_open')
    expect(statusFromReasons(['none'], 5)).toBe('offline')
  })

  it('encodes a request its own decoder reads back (same wire format as a response)', () => {
    const body = encodeRequest(0x000b, 7, [
      { tag: IPP_TAG.charset, name: 'attributes-charset', value: 'utf-8' },
      { tag: IPP_TAG.keyword, name: 'requested-attributes', value: 'printer-state-reasons' },
    ])
    expect([...body.subarray(0, 8)]).toEqual([1, 1, 0, 0x0b, 0, 0, 0, 7])
    const decoded = decodeResponse(body)
    expect(decoded.statusCode).toBe(0x000b)
    expect(decoded.attributes.get('requested-attributes')).toEqual(['printer-state-reasons'])
  })
})

it('every status has a help text saying what to do at the printer', () => {
  for (const s of printerStatuses) expect(statusHelp[s].length).toBeGreaterThan(5)
})
