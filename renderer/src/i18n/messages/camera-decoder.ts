// The camera's decoding engine in the scanner settings (renderer/src/workers/decoder-engine.ts).
export default {
  en: {
    devices: {
      decoder: {
        label: 'Decoder',
        'zxing-wasm': 'ZXing C++ (WebAssembly, faster)',
        'zxing-js': 'ZXing JavaScript',
      },
    },
  },
  fr: {
    devices: {
      decoder: {
        label: 'Décodeur',
        'zxing-wasm': 'ZXing C++ (WebAssembly, plus rapide)',
        'zxing-js': 'ZXing JavaScript',
      },
    },
  },
}
