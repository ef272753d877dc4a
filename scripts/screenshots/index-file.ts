// docs/screens/README.md: one row per screen, English and French side by side, and the scenes
// that stopped (with why), so a missing picture is never silent.
import type { Kit } from './kit'

export function renderIndex(kits: Partial<Record<'en' | 'fr', Kit>>): string {
  const en = kits.en?.shots ?? []
  const fr = kits.fr?.shots ?? []
  const names = [...new Set([...en, ...fr].map((s) => s.file.replace(/^(en|fr)\//, '')))]
  const rows = names.map((name) => {
    const e = en.find((s) => s.file.endsWith(`/${name}`))
    const f = fr.find((s) => s.file.endsWith(`/${name}`))
    const title = (e ?? f)!.title
    return `| ${title} | ${e ? `[en](${e.file})` : '—'} | ${f ? `[fr](${f.file})` : '—'} |`
  })
  const failures = Object.entries(kits).flatMap(([l, k]) => k!.failures.map((x) => `- ${l}: ${x.scene}: ${x.reason}`))
  return [
    '# Screens',
    '',
    'Every screen of DropDesk at 1280×800, in English and in French, as a counter person sees it',
    '(no scroll: what is below the fold is not in the picture). Written by `npm run screenshots`,',
    'which starts the app in browser mode on a temporary data dir with the demo data and walks',
    'Chromium through it with a fake camera and a keyboard-wedge scanner; run it again after a',
    'change to a screen.',
    '',
    '| Screen | English | French |',
    '| --- | --- | --- |',
    ...rows,
    '',
    ...(failures.length ? ['## Scenes that stopped', '', ...failures, ''] : []),
  ].join('\n')
}
