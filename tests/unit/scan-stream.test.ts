import { afterEach, describe, expect, it, vi } from 'vitest'
import { DuplicateFilter } from '@shared/domain/scan-dedupe'
import { SerialFramer } from '../../electron/services/devices/scanners/serial-framer'

describe('DuplicateFilter', () => {
  it('counts the same code from the same source within 1 s once', () => {
    const f = new DuplicateFilter(1000)
    expect(f.accept('serial', 'A1', 0)).toBe(true)
    expect(f.accept('serial', 'A1', 400)).toBe(false)
    expect(f.accept('camera', 'A1', 500)).toBe(true) // another source counts
    expect(f.accept('serial', 'B2', 600)).toBe(true) // another code counts
  })

  it('lets a deliberate rescan after a pause count again; a code held in view counts once', () => {
    const f = new DuplicateFilter(1000)
    expect(f.accept('wedge', 'A1', 0)).toBe(true)
    expect(f.accept('wedge', 'A1', 1000)).toBe(true)
    // The camera sees the code every 100 ms for 3 s: one scan.
    const held = Array.from({ length: 30 }, (_, i) => f.accept('camera', 'Q', 5000 + i * 100))
    expect(held.filter(Boolean)).toHaveLength(1)
  })
})

describe('SerialFramer', () => {
  afterEach(() => vi.useRealTimers())

  it('splits on the terminator, across chunk boundaries', () => {
    const codes: string[] = []
    const f = new SerialFramer('crlf', 50, (c) => codes.push(c))
    f.push(Buffer.from('RMA-77'))
    f.push(Buffer.from('31902\r'))
    f.push(Buffer.from('\n1Z999AA10123456784\r\nBM-'))
    expect(codes).toEqual(['RMA-7731902', '1Z999AA10123456784'])
    f.dispose()
  })

  it('ends a code without terminator after the inter-byte timeout', () => {
    vi.useFakeTimers()
    const codes: string[] = []
    const f = new SerialFramer('none', 40, (c) => codes.push(c))
    f.push(Buffer.from('BMR-7731'))
    vi.advanceTimersByTime(20)
    f.push(Buffer.from('902-00'))
    vi.advanceTimersByTime(39)
    expect(codes).toEqual([])
    vi.advanceTimersByTime(2)
    expect(codes).toEqual(['BMR-7731902-00'])
  })

  it('decodes UTF-8 split across chunks and drops stray CR/LF around a code', () => {
    const codes: string[] = []
    const f = new SerialFramer('lf', 50, (c) => codes.push(c))
    const bytes = Buffer.from('\rCAFÉ-1\n')
    f.push(bytes.subarray(0, 5))
    f.push(bytes.subarray(5))
    expect(codes).toEqual(['CAFÉ-1'])
  })
})
