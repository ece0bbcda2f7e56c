// The public site in a real browser: headless Chromium (Debian's package, driven by playwright-core)
// opens every generated page, axe-core finds 0 WCAG 2.1 AA violations, every link resolves, every
// chart has a text alternative and a table of its numbers, and nothing scrolls sideways at 320 px.
// Without a Chromium on this machine the whole file is skipped, saying so.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, type PublishedMonth, publishOctober } from '../helpers/published-month.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SKIP_REASON = `no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH to run the browser checks`;
if (!hasChromium) console.warn(`public-site browser checks SKIPPED: ${SKIP_REASON}`);

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = '/tmp/stat-bot-site-screenshots';

let p: PublishedMonth;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  if (!hasChromium) return;
  p = await publishOctober();
  pages = (await listFiles(p.dir)).filter((f) => f.endsWith('.html'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

async function open(rel: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(pathToFileURL(path.join(p.dir, rel)).href);
  return page;
}

describe.skipIf(!hasChromium)(
  `the public site in headless Chromium${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    it('has an index and a page per department', () => {
      expect(pages).toEqual(['site/departments/dpw.html', 'site/departments/water.html', 'site/index.html']);
    });

    it('has 0 WCAG 2.1 AA violations on every page (axe-core)', async () => {
      for (const rel of pages) {
        const page = await open(rel);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (o: object) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
            }
          ).axe;
          const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
        });
        expect(violations, rel).toEqual([]);
        await page.close();
      }
    });

    it('every link, image and stylesheet resolves, fragments included', async () => {
      for (const rel of pages) {
        const page = await open(rel);
        const targets = await page.evaluate(() =>
          [
            ...document.querySelectorAll<HTMLAnchorElement | HTMLImageElement | HTMLLinkElement>(
              'a[href], img[src], link[href]',
            ),
          ].map((e) => ('href' in e ? e.href : e.src)),
        );
        expect(targets.length, rel).toBeGreaterThan(3);
        for (const t of targets) {
          const url = new URL(t);
          expect(url.protocol, `${rel} → ${t}`).toBe('file:');
          const file = fileURLToPath(url);
          expect(existsSync(file), `${rel} → ${t}`).toBe(true);
          if (url.hash && file.endsWith('.html')) {
            const target = await open(path.relative(p.dir, file));
            expect(await target.locator(`[id="${url.hash.slice(1)}"]`).count(), `${rel} → ${t}`).toBe(1);
            await target.close();
          }
        }
        await page.close();
      }
    });

    it('every chart has a text alternative and a table of its numbers, and the image loads', async () => {
      for (const rel of pages.filter((f) => f.includes('departments/'))) {
        const page = await open(rel);
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('section.metric')].map((s) => {
            const img = s.querySelector('img');
            return {
              alt: img?.getAttribute('alt') ?? '',
              loaded: !!img && img.complete && img.naturalWidth > 0,
              rows: s.querySelectorAll('table tbody tr').length,
              status: s.querySelector('.status')?.textContent ?? '',
            };
          }),
        );
        expect(charts.length, rel).toBeGreaterThan(0);
        for (const c of charts) {
          expect(c.alt.length).toBeGreaterThan(40);
          expect(c.loaded).toBe(true);
          expect(c.rows).toBeGreaterThan(0);
          // Colour is never the only signal: every status is written out.
          expect(c.status).toMatch(/On target|Near target|Off target|No target|Not reported/);
        }
        await page.close();
      }
    });

    it('works at 320 px without sideways scrolling, prints, and is photographed at 1280 and 375 px', async () => {
      await mkdir(SHOTS, { recursive: true });
      for (const rel of pages) {
        const narrow = await open(rel, 320);
        const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, rel).toBeLessThanOrEqual(0);
        await narrow.emulateMedia({ media: 'print' });
        expect((await narrow.pdf({ format: 'Letter' })).subarray(0, 4).toString()).toBe('%PDF');
        await narrow.close();
      }
      for (const rel of ['site/index.html', 'site/departments/dpw.html'])
        for (const width of [1280, 375]) {
          const page = await open(rel, width);
          const name = `${path.basename(rel, '.html')}-${width}.png`;
          await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
          await page.close();
        }
    });
  },
);
