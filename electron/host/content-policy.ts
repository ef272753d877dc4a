// The headers of browser mode: the renderer's Content-Security-Policy (the same as the Electron
// window's, web/renderer-files.ts) plus the socket on our own port, and the browser's own fences.
import { contentSecurityPolicy } from '../web/renderer-files'

export function securityHeaders(origin: string): Record<string, string> {
  const ws = origin.replace(/^http/, 'ws')
  return {
    'Content-Security-Policy': contentSecurityPolicy([ws]),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), hid=(), serial=(), payment=()',
  }
}
