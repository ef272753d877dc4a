// Packaging (electron-builder): AppImage and deb for Linux kiosks, an NSIS installer for
// Windows. Build with `npx electron-builder --config electron-builder.config.cjs` after
// `npm run build`; electron-builder is not a dependency of this repository (see
// docs/PACKAGING.md). tests/unit/packaging-config.test.ts holds this file to the security
// checklist: the fuses below, asar, and the targets.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.dropdesk.kiosk',
  productName: 'DropDesk',
  executableName: 'dropdesk',
  copyright: 'DropDesk',
  directories: { output: 'dist', buildResources: 'build' },
  // What goes into app.asar: the built app and the embedded resources (demo manifest), nothing
  // else (no sources, tests, source maps or data folders).
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/**', 'package.json', '!**/*.map', '!**/*.ts'],
  asar: true,
  // Native modules cannot be loaded from inside an archive: keep them beside it.
  asarUnpack: ['**/*.node', 'node_modules/better-sqlite3/**', 'node_modules/node-hid/**', 'node_modules/@serialport/bindings-cpp/**'],
  // Rebuild better-sqlite3, node-hid and serialport against Electron's ABI, inside the staging
  // copy that electron-builder packages. The working tree keeps Node's ABI for browser mode
  // and the tests (docs/PACKAGING.md, "Native modules").
  npmRebuild: true,
  buildDependenciesFromSource: false,
  nodeGypRebuild: false,
  // Flipped in the Electron binary before signing; see the Electron security checklist.
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the kiosk binary into a plain Node
    enableNodeOptionsEnvironmentVariable: false, // nor NODE_OPTIONS inject code into it
    enableNodeCliInspectArguments: false, // nor --inspect attach a debugger
    onlyLoadAppFromAsar: true, // the app is app.asar, never a folder dropped beside it
    enableEmbeddedAsarIntegrityValidation: true, // and app.asar is checked against its hash
    enableCookieEncryption: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false, // the renderer is served from app://, not file://
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'Drop-off and repair counter kiosk',
    maintainer: 'DropDesk <kiosk@dropdesk.invalid>',
  },
  deb: {
    // libsecret: Electron's safeStorage needs a keyring to encrypt unlock PINs (it refuses the
    // plaintext 'basic_text' backend). gnome-keyring provides one on a kiosk without a desktop.
    depends: ['libsecret-1-0', 'gnome-keyring', 'libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'libasound2'],
    priority: 'optional',
  },
  appImage: { artifactName: 'DropDesk-${version}-${arch}.AppImage' },
  win: { target: ['nsis'] },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowToChangeInstallationDirectory: false,
    createDesktopShortcut: true,
    runAfterFinish: false,
    artifactName: 'DropDesk-Setup-${version}.exe',
  },
}
