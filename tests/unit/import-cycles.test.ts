// No import circle among the project's own modules (scripts/import-cycles.mjs): modules depend
// one way, so each can be read, tested and replaced on its own.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain .mjs script without type declarations
import { importCycles, importGraph } from '../../scripts/import-cycles.mjs'

const projectDir = path.resolve(__dirname, '../..')

describe('import circles', () => {
  it('reads the whole project: services, renderer, shared code and the central service', () => {
    const graph = importGraph(projectDir) as Map<string, string[]>
    const files = [...graph.keys()].map((f) => path.relative(projectDir, f))
    for (const file of ['electron/services/index.ts', 'renderer/src/main.ts', 'shared/contract/calls.ts', 'central/app.ts']) expect(files).toContain(file)
    // The composition root reaches every module through its imports.
    expect(graph.get(path.join(projectDir, 'electron/services/index.ts'))).toContain(path.join(projectDir, 'electron/services/sync/sync-module.ts'))
  })

  it('finds none', () => {
    expect(importCycles(projectDir)).toEqual([])
  })
})
