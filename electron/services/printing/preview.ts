// Previews: every document as a picture before it prints, drawn from the bytes the printer
// gets. ZPL is rendered offline by zpl-renderer-js (Zebrash compiled to WebAssembly, loaded on
// first use: it is large); ESC/POS is read by the interpreter and drawn as the printer would;
// PDFs are rasterised by poppler's pdftoppm at the screen's pixel ratio.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { DomainError, reason } from '@shared/contract/result'
import type { DocumentKind, PreviewView } from '@shared/contract/printing-views'
import { escposPreviewPdf, RECEIPT_DPI } from './escpos/escpos-preview'
import type { ZplLabel } from './zpl/case-label'

const run = promisify(execFile)

type ZplApi = { zplToBase64Async(zpl: string, widthMm?: number, heightMm?: number, dpmm?: number): Promise<string> }
let zplApi: Promise<ZplApi> | null = null

function loadZplRenderer(): Promise<ZplApi> {
  // The CommonJS build's named exports may sit on `default` when loaded through import().
  zplApi ??= import('zpl-renderer-js').then(async (m) => {
    const mod = m as unknown as { ready?: Promise<{ api: ZplApi }>; default?: { ready: Promise<{ api: ZplApi }> } }
    return (await (mod.ready ?? mod.default!.ready)).api
  })
  return zplApi
}

export async function renderZplPng(label: ZplLabel): Promise<Buffer> {
  const api = await loadZplRenderer()
  return Buffer.from(await api.zplToBase64Async(label.zpl, label.widthDots / label.dpmm, label.heightDots / label.dpmm, label.dpmm), 'base64')
}

/** CSS widths at which each kind of document reads well at a counter (about 1.3 × real size, 4″ for labels). */
const LABEL_DISPLAY_PX = 406
const RECEIPT_DISPLAY_PX = 420
const PDF_DISPLAY_PX_PER_MM = 4.8

const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`

export async function previewZpl(document: DocumentKind | 'test', label: ZplLabel): Promise<PreviewView> {
  const png = await renderZplPng(label)
  // The label's own dots (203 or 300 dpi): 2″ wide is 406 or 600 pixels, shown 4″ wide on screen.
  return { kind: 'png', document, dataUrl: dataUrl(png), widthMm: label.widthDots / label.dpmm, heightMm: label.heightDots / label.dpmm, displayWidthPx: LABEL_DISPLAY_PX }
}

/** An ESC/POS document as the 80 mm printer prints it (its raster at 203 dpi × the pixel ratio). */
export async function previewEscPos(document: DocumentKind | 'test', bytes: Buffer, pixelRatio = 1): Promise<PreviewView> {
  const pdf = await escposPreviewPdf(bytes)
  const png = await renderPdfPng(pdf, Math.round(RECEIPT_DPI * Math.min(pixelRatio, 2)))
  const heightMm = (png.readUInt32BE(20) / png.readUInt32BE(16)) * 80
  return { kind: 'png', document, dataUrl: dataUrl(png), widthMm: 80, heightMm, displayWidthPx: RECEIPT_DISPLAY_PX }
}

/** First page of a PDF as a PNG, at `dpi`. */
export async function renderPdfPng(pdf: Buffer, dpi = 100): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dropdesk-preview-'))
  try {
    await writeFile(path.join(dir, 'doc.pdf'), pdf)
    await run('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'doc.pdf'), path.join(dir, 'page')], { timeout: 15_000 })
    return await readFile(path.join(dir, 'page.png'))
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
    throw new DomainError('unavailable', missing ? reason('preview.popplerMissing', 'PDF previews need poppler-utils (pdftoppm) on this kiosk: ask IT to install it.') : reason('preview.failed', 'The PDF preview could not be drawn; the document can still be printed.'))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A PDF page drawn with as many pixels as the screen shows: sharp, not scaled up from 100 dpi. */
export async function previewPdf(document: DocumentKind | 'test', pdf: Buffer, sizeMm: [number, number], pixelRatio = 1): Promise<PreviewView> {
  const displayWidthPx = Math.round(Math.min(sizeMm[0] * PDF_DISPLAY_PX_PER_MM, 760))
  const dpi = Math.round((displayWidthPx / (sizeMm[0] / 25.4)) * Math.min(pixelRatio, 3))
  const png = await renderPdfPng(pdf, dpi)
  return { kind: 'png', document, dataUrl: dataUrl(png), widthMm: sizeMm[0], heightMm: sizeMm[1], displayWidthPx }
}
