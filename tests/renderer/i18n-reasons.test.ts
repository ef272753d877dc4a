// Every reason key the services (and the transports between them and the screen) can send has
// its text in English and French, with the same values in braces; no text is left for a key
// nothing sends. Keys are read from the sources: `reason('label.expired', …)` literally, or
// `reason(`transition.${…}`, …)` over one of the enumerations listed below.
import { describe, expect, it } from 'vitest'
import { allMessages } from '../../renderer/src/i18n'
import { dynamicReasonKeys } from '../support/reason-keys'

type Tree = { [key: string]: string | Tree }

const sources = import.meta.glob<string>(
  ['../../electron/**/*.ts', '../../shared/**/*.ts', '../../central/**/*.ts', '../../renderer/src/**/*.{ts,vue}', '!../../renderer/src/i18n/**'],
  { query: '?raw', import: 'default', eager: true },
)

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v)
    else for (const [lk, lv] of leaves(v, `${prefix}${k}.`)) out.set(lk, lv)
  }
  return out
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()

const messages = allMessages()
const en = leaves((messages.en.reason as Tree | undefined) ?? {})
const fr = leaves((messages.fr.reason as Tree | undefined) ?? {})

const literal = new Map<string, string>()
const dynamic = new Map<string, string>()
for (const [file, text] of Object.entries(sources)) {
  for (const m of text.matchAll(/\breason\(\s*'([\w.]+)'/g)) literal.set(m[1]!, file)
  for (const m of text.matchAll(/\breason\(\s*`([\w.]+\.)\$\{/g)) dynamic.set(m[1]!, file)
}

describe('reason keys', () => {
  it('finds the keys in the sources (the scan itself works)', () => {
    expect(literal.has('internal')).toBe(true)
    expect(literal.size).toBeGreaterThan(5)
  })

  it('knows the values of every key built from a value', () => {
    expect([...dynamic.keys()].filter((prefix) => !(prefix in dynamicReasonKeys))).toEqual([])
  })

  const sent = new Set([...literal.keys(), ...Object.entries(dynamicReasonKeys).flatMap(([prefix, values]) => values.map((v) => `${prefix}${v}`))])

  it('has a text in English and in French for every key the services send', () => {
    const missing = [...sent].flatMap((k) => [...(en.has(k) ? [] : [`en ${k}`]), ...(fr.has(k) ? [] : [`fr ${k}`])])
    expect(missing).toEqual([])
  })

  it('uses the same values in both languages', () => {
    const differ = [...en.keys()].filter((k) => JSON.stringify(placeholders(en.get(k)!)) !== JSON.stringify(placeholders(fr.get(k) ?? '')))
    expect(differ).toEqual([])
  })

  it('keeps no text for a key nothing sends', () => {
    expect([...en.keys()].filter((k) => !sent.has(k))).toEqual([])
  })
})
