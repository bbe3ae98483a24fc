import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome'];

function onPath(name: string): string | undefined {
  if (name.startsWith('/')) return existsSync(name) ? name : undefined;
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const INSTALL_HINT =
  'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chromium or Chrome binary.';

/** CHROME_PATH first, then the usual names; throws (never skips) when there is none. */
export function findChromium(): string {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
  }
  for (const candidate of CANDIDATES) {
    const found = onPath(candidate);
    if (found) return found;
  }
  throw new Error(INSTALL_HINT);
}

// Background networking and component updates reach for Google's hosts, which this kind of
// machine (and many CI runners) refuse; they add noise and time, nothing the tests need.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The phones the tests stand for are in Vietnam: their calendar day (follow-ups due today, a
 * visit's day) is Vietnam's, whatever the machine's zone. From 17:00 UTC the two days differ.
 */
export const PHONE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ARGS,
    env: { ...process.env, TZ: PHONE_TIME_ZONE },
  });
}
