// English and French must be complete for every screen: the same keys in both, every key the
// renderer uses exists, and no key is left unused.
import { describe, expect, it } from 'vitest'
import { allMessages } from '../../renderer/src/i18n'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)))
}

// Every renderer source but the texts themselves, read as text by the bundler.
const sources = import.meta.glob<string>(['../../renderer/src/**/*.{vue,ts}', '!../../renderer/src/i18n/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

const messages = allMessages()
const code = Object.values(sources).join('\n')
// t('a.b'), $t("a.b"), and <i18n-t keypath="a.b">.
const staticKeys = new Set([...code.matchAll(/\b\$?t\(\s*['"]([\w.]+)['"]/g), ...code.matchAll(/keypath="([\w.]+)"/g)].map((m) => m[1]!))
// t(`caseType.${x}`): every key under that prefix counts as used.
const dynamicPrefixes = [...code.matchAll(/\b\$?t\(\s*`([\w.]+)\.\$\{/g)].map((m) => `${m[1]}.`)

describe('i18n', () => {
  it('has exactly the same keys in English and French', () => {
    expect(leaves(messages.fr).sort()).toEqual(leaves(messages.en).sort())
  })

  it('has no empty text', () => {
    for (const l of ['en', 'fr'] as const) {
      const empty = leaves(messages[l]).filter((k) => {
        const v = k.split('.').reduce<string | Tree | undefined>((t, p) => (typeof t === 'object' ? t[p] : undefined), messages[l])
        return typeof v !== 'string' || !v.trim()
      })
      expect(empty, l).toEqual([])
    }
  })

  it('defines every key the renderer uses', () => {
    const defined = new Set(leaves(messages.en))
    const definedPrefixes = [...defined].map((k) => k.split('.').slice(0, -1).join('.') + '.')
    const missing = [...staticKeys].filter((k) => !defined.has(k) && !definedPrefixes.some((p) => `${k}.`.startsWith(p) && defined.has(k)))
    expect(missing).toEqual([])
    const missingPrefixes = dynamicPrefixes.filter((p) => ![...defined].some((k) => k.startsWith(p)))
    expect(missingPrefixes).toEqual([])
  })

  it('uses every key it defines', () => {
    // Reason texts are chosen by the key the services send: i18n-reasons.test.ts checks them.
    const unused = leaves(messages.en).filter((k) => !k.startsWith('reason.') && !staticKeys.has(k) && !dynamicPrefixes.some((p) => k.startsWith(p)))
    expect(unused).toEqual([])
  })
})
