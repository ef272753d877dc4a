// Finds import circles among the project's own files (electron/, renderer/, shared/, central/):
// every `import … from`, `export … from` and `import()` of a relative path or of `@shared/…`,
// type-only imports included (a circle of types still ties the modules' designs together).
// Run by `npm test` (tests/unit/import-cycles.test.ts); `node scripts/import-cycles.mjs` prints
// each circle found and exits 1.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOTS = ['electron', 'renderer', 'shared', 'central']
const EXTENSIONS = ['.ts', '.vue', '.mts', '.js', '.mjs']
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm

function sourceFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.')) return []
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(full)
    return EXTENSIONS.includes(path.extname(e.name)) && !e.name.endsWith('.d.ts') ? [full] : []
  })
}

function resolve(projectDir, from, spec) {
  let base
  if (spec.startsWith('@shared/')) base = path.join(projectDir, 'shared', spec.slice('@shared/'.length))
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec)
  else return null
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, 'index' + e))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** The import graph: file → the project files it imports. */
export function importGraph(projectDir) {
  const graph = new Map()
  for (const file of ROOTS.flatMap((r) => sourceFiles(path.join(projectDir, r)))) {
    const text = readFileSync(file, 'utf8')
    const targets = new Set()
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(projectDir, file, m[1] ?? m[2] ?? m[3])
      if (target) targets.add(target)
    }
    graph.set(file, [...targets])
  }
  return graph
}

/** Every circle, once each, as the list of files around it (relative to the project). */
export function importCycles(projectDir) {
  const graph = importGraph(projectDir)
  const state = new Map() // undefined: not seen, 1: on the current path, 2: done
  const stack = []
  const cycles = new Map()
  const visit = (file) => {
    state.set(file, 1)
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 1) {
        const cycle = stack.slice(stack.indexOf(next)).map((f) => path.relative(projectDir, f))
        // One key per circle, whichever file it was entered from.
        const start = cycle.indexOf([...cycle].sort()[0])
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)]
        cycles.set(canonical.join(' → '), canonical)
      } else if (!state.get(next)) visit(next)
    }
    stack.pop()
    state.set(file, 2)
  }
  for (const file of graph.keys()) if (!state.get(file)) visit(file)
  return [...cycles.values()]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const cycles = importCycles(projectDir)
  for (const c of cycles) console.log(`import circle: ${[...c, c[0]].join(' → ')}`)
  console.log(cycles.length === 0 ? 'No import circle.' : `${cycles.length} import circle(s).`)
  process.exit(cycles.length === 0 ? 0 : 1)
}
