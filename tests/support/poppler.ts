// poppler-utils at the edge: PDF pages to gray pixels (pdftoppm) and to text (pdftotext).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { decodePgm, type GrayImage } from './gray-image'

function withPdf<T>(pdf: Buffer, f: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-pdf-'))
  try {
    writeFileSync(path.join(dir, 'doc.pdf'), pdf)
    return f(path.join(dir, 'doc.pdf'), dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function pdfPageGray(pdf: Buffer, page = 1, dpi = 200): GrayImage {
  return withPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, path.join(dir, 'page')])
    return decodePgm(readFileSync(path.join(dir, 'page.pgm')))
  })
}

export function pdfText(pdf: Buffer): string {
  return withPdf(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }))
}

export function pdfPageCount(pdf: Buffer): number {
  return withPdf(pdf, (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]))
}
