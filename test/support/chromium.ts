// A real browser for the view tests: Debian's Chromium (installed with apt-get when missing and allowed) driven by
// playwright-core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** CHROMIUM_PATH points at another Chromium (a developer's machine without Debian's). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Makes sure Chromium is there: as root on Debian, installs the `chromium` package (waiting for
 * another apt run to finish). Returns why it cannot be had, or undefined when it is ready.
 */
export function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CHROMIUM_PATH) return `CHROMIUM_PATH=${CHROMIUM} does not exist`;
  if (!existsSync('/usr/bin/apt-get'))
    return `${CHROMIUM} is missing and this system has no apt-get to install Debian's chromium`;
  if (process.getuid?.() !== 0)
    return `${CHROMIUM} is missing; installing it needs root (apt-get install chromium), or set CHROMIUM_PATH`;
  const apt = (args: string[]) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update']);
    apt(['install', '-y', 'chromium']);
  } catch (error) {
    return `installing chromium with apt-get failed: ${(error as { stderr?: Buffer }).stderr?.toString().trim() || String(error)}`;
  }
  return existsSync(CHROMIUM) ? undefined : `apt-get installed chromium but ${CHROMIUM} is missing`;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless, kept from reaching out on its own, with a fresh profile (--user-data-dir, given the
 * way Playwright takes it) that is removed afterwards.
 */
export async function launchChromium(viewport = { width: 900, height: 900 }): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'brevo-mcp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
