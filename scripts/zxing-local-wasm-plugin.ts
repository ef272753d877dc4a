// A Vite plugin for the renderer (and its workers): zxing-wasm's default locateFile points at a
// public CDN (jsDelivr). The app always passes its own locateFile (the .wasm is an asset of our
// own origin), so the default is dead code — but dead code that names a CDN is one forgotten
// override away from fetching executable code from the internet. This replaces it with an
// error, and fails the build if the package changes so that the default can no longer be found.
import type { Plugin } from 'vite'

const SHARE_MODULE = /[\\/]zxing-wasm[\\/]dist[\\/]es[\\/]share\.js$/
const CDN_URL = /`https:\/\/[a-z.]*jsdelivr\.net\/npm\/zxing-wasm@[^`]*`/

export function zxingLocalWasm(): Plugin {
  return {
    name: 'dropdesk:zxing-local-wasm',
    enforce: 'pre',
    transform(code, id) {
      if (!SHARE_MODULE.test(id.replace(/\?.*$/, ''))) return null
      if (!CDN_URL.test(code)) this.error(`zxing-wasm's default CDN locateFile was not found in ${id}: check the package update and this plugin`)
      const refuse = '(() => { throw new Error("zxing-wasm: the app must locate the .wasm itself (no CDN)") })()'
      return { code: code.replace(CDN_URL, refuse), map: null }
    },
  }
}
