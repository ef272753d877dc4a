// Closed loop for the case label: ZPL → rendered offline (zpl-renderer-js, the same renderer as
// the preview) → every barcode read back with zxing → equals the case / tracking number, for
// both sizes and both resolutions. A value too long for the label must throw, not print cut off.
import { describe, expect, it } from 'vitest'
import { caseLabelZpl } from '../../electron/services/printing/zpl/case-label'
import { LabelOverflow } from '../../electron/services/printing/zpl/zpl-fields'
import { renderZplPng } from '../../electron/services/printing/preview'
import type { CaseLabelModel } from '../../electron/services/printing/models'
import { decodeBarcode, withMargin } from '../support/barcode-decode'
import { crop, decodePng, type GrayImage } from '../support/gray-image'

const model: CaseLabelModel = {
  caseNumber: 'K7QX2-261122-001',
  orderNumber: 'BM-48213377',
  category: 'smartphone',
  date: '2026-11-22',
  trackingNumber: '1Z999AA10123456784',
}

function readBack(img: GrayImage, box: { x: number; y: number; w: number; h: number }, symbology: 'code128' | 'qr'): string {
  return decodeBarcode(withMargin(crop(img, box.x, box.y, box.w, box.h), 16), symbology)
}

describe('case label (ZPL)', () => {
  for (const size of ['2x1', '4x6'] as const) {
    for (const dpi of [203, 300] as const) {
      it(`${size} at ${dpi} dpi: every barcode reads back as printed`, async () => {
        const label = caseLabelZpl(model, { size, dpi })
        const img = decodePng(await renderZplPng(label))
        expect([img.width, img.height]).toEqual([label.widthDots, label.heightDots])
        const expected = size === '4x6' ? 3 : 2
        expect(label.barcodes).toHaveLength(expected)
        for (const b of label.barcodes) {
          expect(b.x + b.w).toBeLessThanOrEqual(label.widthDots)
          expect(b.y + b.h).toBeLessThanOrEqual(label.heightDots)
          expect(readBack(img, b, b.symbology)).toBe(b.value)
        }
        expect(label.barcodes.map((b) => b.value)).toContain(model.caseNumber)
        if (size === '4x6') expect(label.barcodes.map((b) => b.value)).toContain(model.trackingNumber)
      })
    }
  }

  it('the longest case number that fits 2"×1" at 203 dpi still reads back; one more character throws', async () => {
    // 31 characters: 11 × 33 + 13 modules + 20 quiet = 396 of 406 dots at one dot per module.
    const longest = 'K7QX2-261122-0001-ABCDEFGHIJKLM'
    expect(longest).toHaveLength(31)
    const label = caseLabelZpl({ ...model, caseNumber: longest }, { size: '2x1', dpi: 203 })
    const img = decodePng(await renderZplPng(label))
    const bar = label.barcodes.find((b) => b.symbology === 'code128')!
    expect(readBack(img, bar, 'code128')).toBe(longest)
    expect(() => caseLabelZpl({ ...model, caseNumber: `${longest}N` }, { size: '2x1', dpi: 203 })).toThrow(LabelOverflow)
    // The same number fits at 300 dpi, where the label has 600 dots.
    expect(caseLabelZpl({ ...model, caseNumber: `${longest}N` }, { size: '2x1', dpi: 300 }).barcodes).toHaveLength(2)
  })

  it('field data cannot inject ZPL commands', () => {
    const label = caseLabelZpl({ ...model, orderNumber: 'BM-1^XZ~JR' }, { size: '4x6', dpi: 203 })
    expect(label.zpl).toContain('BM-1_5EXZ_7EJR')
    expect(label.zpl.match(/\^XZ/g)).toHaveLength(1)
  })
})
