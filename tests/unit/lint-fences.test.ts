// The boundaries the lint enforces (eslint.config.mjs), checked on sample sources: the services
// never import electron or the shell, and the central service nothing from the kiosk.
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const cwd = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd })

async function fenced(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(cwd, file) })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('lint fences', () => {
  it('keeps electron and the shell out of the services', async () => {
    expect(await fenced('electron/services/orders/probe.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(1)
    expect(await fenced('electron/services/orders/probe.ts', "import { registerIpc } from '../../main/ipc'\nexport const a = registerIpc\n")).toHaveLength(1)
    expect(await fenced('electron/services/orders/probe.ts', "import { serve } from '../../host/serve'\nexport const a = serve\n")).toHaveLength(1)
    expect(await fenced('electron/services/orders/probe.ts', "import { calls } from '@shared/contract/calls'\nexport const a = calls\n")).toEqual([])
  }, 120_000) // the first lint loads the whole configuration (typescript-eslint, vue)

  it('keeps the kiosk out of the central service, the shared contracts aside', async () => {
    expect(await fenced('central/probe.ts', "import { createServices } from '../electron/services'\nexport const a = createServices\n")).toHaveLength(1)
    expect(await fenced('central/probe.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(1)
    expect(await fenced('central/probe.ts', "import { api } from '../renderer/src/api'\nexport const a = api\n")).toHaveLength(1)
    expect(await fenced('central/probe.ts', "import { caseEventPayloads } from '../shared/domain/case-events'\nexport const a = caseEventPayloads\n")).toEqual([])
  }, 120_000)
})
