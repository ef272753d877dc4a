// `npm run screenshots`: starts the built app in browser mode on a temp data dir with the demo
// data, drives Chromium (playwright-core, /usr/bin/chromium, a fake camera) through the main
// screens and every intake step and verdict at 1280×800, in English and in French, and writes
// the PNGs into docs/screens/<locale>/ with the index docs/screens/README.md.
// Options: --out DIR (default docs/screens), --locales en,fr.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fakeCameraArgs, writeFakeCamera } from '../../tests/support/fake-camera'
import { launchChromium, startApp } from './app'
import { coveredWithdrawal, refusedAndHeld } from './intake-walks'
import { Kit } from './kit'
import { notCoveredHeldAndClosed, notePrinter } from './refusal-walks'
import { renderIndex } from './index-file'
import { customerSelfCheck, mainScreens, signInScreen } from './screen-walks'

const root = path.resolve(__dirname, '../..')
const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : fallback)
const outDir = path.resolve(root, arg('--out', 'docs/screens'))
const locales = arg('--locales', 'en,fr').split(',') as Array<'en' | 'fr'>

async function walk(locale: 'en' | 'fr', scratch: string): Promise<Kit> {
  const dataDir = path.join(scratch, `data-${locale}`)
  const browser = await launchChromium(fakeCameraArgs(writeFakeCamera(scratch)))
  const host = await startApp(root, dataDir)
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, timezoneId: 'Europe/Paris' })
    await context.addInitScript((l) => localStorage.setItem('dropdesk.locale', l), locale)
    const page = await context.newPage()
    await page.goto(`${host.origin}/#token=${host.token}`)
    rmSync(path.join(outDir, locale), { recursive: true, force: true })
    mkdirSync(path.join(outDir, locale), { recursive: true })
    const k = new Kit(page, outDir, locale)
    await signInScreen(k, host.supervisorPin!)
    await coveredWithdrawal(k)
    // From here on, a refusal note prints on a receipt printer at a loopback port.
    const printer = await notePrinter(k)
    try {
      await notCoveredHeldAndClosed(k)
      await refusedAndHeld(k)
    } finally {
      await printer.stop()
    }
    await mainScreens(k)
    await customerSelfCheck(k)
    await context.close()
    return k
  } finally {
    await host.kill()
    await browser.close()
  }
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-screens-'))
  try {
    const kits: Partial<Record<'en' | 'fr', Kit>> = {}
    for (const l of locales) {
      console.error(`screenshots: ${l}…`)
      kits[l] = await walk(l, scratch)
    }
    writeFileSync(path.join(outDir, 'README.md'), renderIndex(kits))
    const failures = Object.values(kits).flatMap((k) => k!.failures)
    console.error(`screenshots: ${Object.values(kits).reduce((n, k) => n + k!.shots.length, 0)} written to ${path.relative(root, outDir)}; ${failures.length} scene(s) stopped`)
    if (failures.length) process.exitCode = 1
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(2)
})
