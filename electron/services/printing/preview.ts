// Previews: every document as a picture before it prints. ZPL is rendered offline by
// zpl-renderer-js (Zebrash compiled to WebAssembly, loaded on first use: it is large); PDFs are
// rasterised by poppler's pdftoppm; ESC/POS slips are shown as the lines they print.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { DomainError } from '@shared/contract/result'
import type { DocumentKind, PreviewView } from '@shared/contract/printing-views'
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

export async function previewZpl(document: DocumentKind | 'test', label: ZplLabel): Promise<PreviewView> {
  const png = await renderZplPng(label)
  return { kind: 'png', document, dataUrl: `data:image/png;base64,${png.toString('base64')}`, widthMm: label.widthDots / label.dpmm, heightMm: label.heightDots / label.dpmm }
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
    throw new DomainError('unavailable', missing ? 'PDF previews need poppler-utils (pdftoppm) on this kiosk: ask IT to install it.' : 'The PDF preview could not be drawn; the document can still be printed.')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function previewPdf(document: DocumentKind | 'test', pdf: Buffer, sizeMm: [number, number]): Promise<PreviewView> {
  const png = await renderPdfPng(pdf)
  return { kind: 'png', document, dataUrl: `data:image/png;base64,${png.toString('base64')}`, widthMm: sizeMm[0], heightMm: sizeMm[1] }
}
