import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { zxingLocalWasm } from './scripts/zxing-local-wasm-plugin'

const alias = { '@shared': resolve(__dirname, 'shared') }
// DROPDESK_OUT_DIR (a folder inside the project, e.g. .out/mine) lets parallel builds and test
// runs use separate outputs; the default is out/.
const out = resolve(__dirname, process.env.DROPDESK_OUT_DIR ?? 'out')

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: resolve(out, 'main'),
      rollupOptions: {
        input: {
          // The Electron shell.
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Browser mode: the same services over a loopback WebSocket.
          serve: resolve(__dirname, 'electron/host/serve.ts'),
          // Operator tools.
          'manifest-import': resolve(__dirname, 'electron/tools/manifest-import.ts'),
          // Its writer thread (loaded by path at run time, so it must be an entry of its own).
          'import-worker': resolve(__dirname, 'electron/services/orders/import-worker.ts'),
          'audit-verify': resolve(__dirname, 'electron/tools/audit-verify.ts'),
          'secrets-reset': resolve(__dirname, 'electron/tools/secrets-reset.ts'),
          'staff-reset-supervisor': resolve(__dirname, 'electron/tools/staff-reset-supervisor.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: resolve(out, 'preload'),
      // A sandboxed preload cannot require() packages: bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [vue(), zxingLocalWasm()],
    // The camera's decoder worker bundles zxing-wasm: the same no-CDN guard applies there.
    worker: { plugins: () => [zxingLocalWasm()] },
    build: {
      outDir: resolve(out, 'renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
      // No inline scripts: the Content-Security-Policy forbids them.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
    },
  },
})
