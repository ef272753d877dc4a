// axe-core in Chromium: inject the installed axe.min.js (a file, not a CDN) and return the
// serious and critical violations of the page as it stands, as short readable lines. The
// app's content policy (script-src 'self') refuses an injected <script> tag, so the source is
// evaluated through the DevTools protocol, which the page's policy does not govern.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

const AXE = path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js')

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>
}

export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${readFileSync(AXE, 'utf8')}\n;void 0`)
  // Only violations are needed: skipping the passes and incomplete lists makes a run much faster.
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }),
  )) as AxeResult
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}
