import { secureHeaders } from 'hono/secure-headers';

/**
 * Hono's secure headers, with the app's policy: only its own origin (no CDN, no inline script;
 * styles set through the CSSOM, as Preact's style props are, are not "inline" for CSP, so
 * style-src needs no 'unsafe-inline'), no framing, no referrer, geolocation for the app only.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    manifestSrc: ["'self'"],
    workerSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  permissionsPolicy: { geolocation: ['self'], camera: [], microphone: [] },
});
