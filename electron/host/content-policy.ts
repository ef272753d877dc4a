// The Content-Security-Policy and other headers of browser mode: the same rules as the
// Electron window (no inline script, no remote origin), plus the socket on our own port.
export function securityHeaders(origin: string): Record<string, string> {
  const ws = origin.replace(/^http/, 'ws')
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      // 'wasm-unsafe-eval' lets the camera worker compile our own zxing .wasm; it allows no
      // eval() of JavaScript, and scripts still come from our origin only.
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob: mediastream:",
      `connect-src 'self' ${ws}`,
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), hid=(), serial=(), payment=()',
  }
}
