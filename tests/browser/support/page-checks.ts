/**
 * The checks every page of the site must pass, each a small function on a loaded page, so one walk
 * (site-walk.test.ts) can run them all on each page as it loads it once: loading ~50 pages once per check
 * was most of the browser suite's time.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The page's head: what a search result, a tab and a screen reader announce. */
export const headOf = (page: Page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
    h1s: document.querySelectorAll('h1').length,
    icon: document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? null,
  }));

/**
 * What the page's Content-Security-Policy (astro.config.mjs, emitted by Astro as a <meta> tag with the
 * hashes of its inline scripts) allows beyond the site's own: own origin only, no inline script without
 * its hash, no eval. Empty when the policy is as strict as intended.
 */
export async function cspProblems(page: Page): Promise<string[]> {
  const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
  const problems: string[] = [];
  const expectOnly = (name: string, values: string[]) => {
    const actual = directives.get(name) ?? [];
    if (actual.join(' ') !== values.join(' ')) problems.push(`${name} is "${actual.join(' ')}", not "${values.join(' ')}"`);
  };
  expectOnly('default-src', ["'self'"]);
  expectOnly('object-src', ["'none'"]);
  expectOnly('base-uri', ["'self'"]);
  expectOnly('worker-src', ["'self'"]);
  expectOnly('connect-src', ["'self'"]);
  const scripts = directives.get('script-src') ?? [];
  const unhashed = scripts.filter((s) => !s.startsWith("'sha256-"));
  if (unhashed.join(' ') !== "'self' 'wasm-unsafe-eval'") problems.push(`script-src allows ${unhashed.join(' ')} besides hashes`);
  // Astro's island loader and the no-flash theme script are inline, so each page lists their hashes.
  if (scripts.length <= 2) problems.push('script-src lists no inline-script hash');
  for (const [name, values] of directives) {
    const open = values.filter((v) => /^(https?:|\*|'unsafe-eval')/.test(v));
    if (open.length > 0) problems.push(`${name} allows ${open.join(' ')}`);
  }
  return problems;
}

/** Collects `securitypolicyviolation` events from the first script on. Call before the page loads. */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/**
 * The issue kinds Lighthouse 12.2.3 scores in its best-practices category (inspector-issues: mixed
 * content, cookies, blocked by response, heavy ads, CSP; deprecations). Chromium also reports advice
 * that costs no points; of it, the two form-field issues (a field without id or name, which autofill
 * needs; a duplicate id) are kept too.
 */
const LIGHTHOUSE_ISSUES = ['MixedContentIssue', 'CookieIssue', 'BlockedByResponseIssue', 'HeavyAdIssue', 'ContentSecurityPolicyIssue', 'DeprecationIssue'];
const FORM_ISSUES = ['FormEmptyIdAndNameAttributesForInputError', 'FormDuplicateIdForInputError'];

/** Chromium's own issue reporter (CDP Audits), filtered to the kinds above. Call before the page loads. */
export async function recordBrowserIssues(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const issues: string[] = [];
  cdp.on('Audits.issueAdded', ({ issue }) => {
    const formIssue = issue.details.genericIssueDetails?.errorType;
    if (LIGHTHOUSE_ISSUES.includes(issue.code) || (formIssue && FORM_ISSUES.includes(formIssue))) {
      issues.push(`${issue.code}: ${JSON.stringify(issue.details).slice(0, 300)}`);
    }
  });
  await cdp.send('Audits.enable');
  return issues;
}

/** Images drawn at another aspect ratio than their own (Lighthouse's image-aspect-ratio). */
export const distortedImages = (page: Page) =>
  page.locator('img').evaluateAll((images) =>
    (images as HTMLImageElement[])
      .filter((img) => img.naturalWidth > 0 && img.width > 0)
      .filter((img) => Math.abs(img.width / img.height - img.naturalWidth / img.naturalHeight) > 0.05 * (img.naturalWidth / img.naturalHeight))
      .map((img) => img.src),
  );

/** The page's form fields that have neither id nor name, and the ids of fields that are not unique on the page. */
export const unnamedFields = (page: Page) =>
  page.locator('input, select, textarea').evaluateAll((fields) => ({
    unnamed: fields.filter((f) => !f.id && !f.getAttribute('name')).map((f) => f.outerHTML.slice(0, 120)),
    duplicateIds: fields.filter((f) => f.id && document.querySelectorAll(`#${CSS.escape(f.id)}`).length > 1).map((f) => f.id),
  }));

/** Null when nothing widens the page; else how wide it is and what sticks out, outermost first. */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 1);
    const outermost = out.filter((el) => !out.includes(el.parentElement!));
    return `${document.documentElement.scrollWidth} px wide: ${outermost
      .slice(0, 4)
      .map((el) => `${el.localName}.${[...el.classList].join('.')}`)
      .join(', ')}`;
  });

/**
 * Waits until the page has laid out and painted twice: after a viewport or colour-scheme change, charts
 * take their new size in the next animation frame, so two frames later the page shows the new state.
 */
export const settled = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** Chart text smaller than this, in CSS px as rendered, is too small to read (issue 17). */
export const MIN_CHART_TEXT_PX = 11;

/**
 * Each figure on the page with its smallest chart text: the text and its rendered size in CSS px. The
 * size is the computed font-size (in the SVG's user units) times the scale of getScreenCTM(), the
 * matrix from those units to CSS px: the em box the font is set at, as the 11 px rule means it, and
 * the same for every glyph. A getBoundingClientRect() height would add the font's ascent and descent
 * (about 1.2 em) and, on a turned axis title, measure its length.
 */
const chartTextSizes = (page: Page) =>
  page.evaluate(() => {
    // Sections the reader has not reached are not laid out (content-visibility: auto): lay them all out.
    const allRendered = document.createElement('style');
    allRendered.textContent = '.chapter-section { content-visibility: visible !important; }';
    document.head.append(allRendered);
    const smallest = new Map<string, { text: string; px: number }>();
    for (const text of document.querySelectorAll<SVGTextElement>('figure svg text')) {
      const m = text.getScreenCTM();
      const box = text.getBoundingClientRect();
      if (!m || box.width === 0 || !text.textContent?.trim()) continue;
      // The computed font-size is in the SVG's user units; the screen matrix turns a unit into CSS px.
      const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
      const outer = text.closest('figure.widget-figure') ?? text.closest('figure')!;
      const figure = outer.getAttribute('data-widget') ?? outer.querySelector('figcaption')?.textContent?.trim().slice(0, 40) ?? '?';
      if (px < (smallest.get(figure)?.px ?? Infinity)) smallest.set(figure, { text: text.textContent.trim().slice(0, 30), px: Math.round(px * 10) / 10 });
    }
    allRendered.remove();
    return [...smallest].map(([figure, s]) => ({ figure, ...s }));
  });

/** The figures on the page whose chart text renders under 11 CSS px, as "figure: "text" 9.5 px". */
export const smallChartText = async (page: Page) =>
  (await chartTextSizes(page)).filter((s) => s.px < MIN_CHART_TEXT_PX).map((s) => `${s.figure}: "${s.text}" ${s.px} px`);

/**
 * Brings every chart of the page on screen in turn, until it has drawn its text, then two frames more, and
 * returns the captions of charts that drew none within `patienceMs`. A live chart draws only within 200 px
 * of the screen (StepChart's IntersectionObserver) and one chart per frame (draw-queue.ts): without this
 * visit a chart text check measures only the charts near where the page happens to be scrolled (at 390 px,
 * 4 of a figure's 8), and after a resize the charts below keep the old width's drawing (an 11.5 px tick read
 * 10.9 px at 360 px) until the reader reaches them.
 */
export const visitEveryChart = (page: Page, patienceMs = 5_000) =>
  page.evaluate(async (patience) => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const blank: string[] = [];
    for (const chart of document.querySelectorAll('figure.chart')) {
      chart.scrollIntoView({ block: 'center' });
      const until = performance.now() + patience;
      while (!chart.querySelector('svg text') && performance.now() < until) await frame();
      if (!chart.querySelector('svg text')) blank.push(chart.querySelector('figcaption')?.textContent?.trim() ?? '(no caption)');
      await frame();
      await frame();
    }
    return blank;
  }, patienceMs);

/** WCAG 2.5.5's enhanced target size, which a figure's controls meet on a phone (issue 17). */
export const MIN_TOUCH_TARGET_PX = 44;

/**
 * The figures' controls smaller than 44 × 44 CSS px, each as "name (w × h)". A control's target is
 * what a tap on it reaches: its own box, with its label's for a radio or checkbox; an SVG control
 * (a drag handle) is the box of its hit area. Exempt: links in running text (WCAG 2.5.8's inline
 * exception), controls not rendered, and a chart's plot, which a reader focuses to read it by keys.
 */
export const smallTouchTargets = (page: Page) =>
  page.evaluate((min) => {
    const allRendered = document.createElement('style');
    allRendered.textContent = '.chapter-section { content-visibility: visible !important; }';
    document.head.append(allRendered);
    const CONTROLS = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="slider"], [role="button"], [role="radio"], [role="checkbox"], [role="switch"], [role="tab"]';
    // No named functions in here: the test runner's transform would wrap them in a helper the page lacks.
    const small = [...document.querySelectorAll('figure.widget-figure')].flatMap((figure) =>
      [...figure.querySelectorAll(CONTROLS)]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        // A link in running text is exempt (WCAG 2.5.8's inline exception).
        .filter((el) => !(el.localName === 'a' && getComputedStyle(el).display === 'inline' && el.parentElement!.textContent!.trim() !== el.textContent!.trim()))
        .map((el) => {
          const labels = [...((el as HTMLInputElement).labels ?? [])];
          const rects = [el.querySelector(':scope > .hit') ?? el, ...labels].map((e) => e.getBoundingClientRect());
          const width = Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left));
          const height = Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top));
          const name = el.getAttribute('aria-label') ?? labels[0]?.textContent ?? el.textContent ?? el.localName;
          return { name: name.trim().replace(/\s+/g, ' ').slice(0, 40), width, height };
        })
        .filter((t) => t.width < min - 0.5 || t.height < min - 0.5)
        .map((t) => `${figure.getAttribute('data-widget') ?? '?'}: ${t.name} (${Math.round(t.width)} × ${Math.round(t.height)})`),
    );
    allRendered.remove();
    return small;
  }, MIN_TOUCH_TARGET_PX);
