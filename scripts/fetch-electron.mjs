// Fetches Electron's binary after `npm install`. Electron's own install script is blocked
// (package.json "allowScripts"), because on machines without access to Electron's download
// host it fails and takes the whole install down with it. Here a failure is only a warning:
// everything but `npm start` (browser mode, tests, builds) works without the binary.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

const dir = electronDir()
if (!dir) process.exit(0) // production install without devDependencies
if (existsSync(path.join(dir, 'path.txt'))) process.exit(0) // already fetched

const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 120_000,
  env: process.env,
})
if (result.status === 0 && existsSync(path.join(dir, 'path.txt'))) {
  console.log('dropdesk: Electron binary installed.')
} else {
  console.warn(
    'dropdesk: warning: the Electron binary could not be downloaded on this machine.\n' +
      '  `npm start` needs it; everything else works without it.\n' +
      '  Run the app in browser mode instead: npm run serve -- --data-dir ./data --port 4780',
  )
}
