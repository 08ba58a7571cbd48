/**
 * Exports on every widget (on its embed page): the data as CSV and JSON with the widget, seed and
 * config, and a chart as SVG (well-formed, standalone: its styles inlined) and PNG (valid file, decoded
 * at twice the chart's size). The live figures export the precomputed run they show before Play.
 */
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './support/browser';
import { siteUrl, watchPage } from './support/site';
import { downloadFrom, figureOf, openExports, waitForFigure, WIDGET_CASES } from './share-helpers';
import { FIELDS } from '../unit/widgets/share-fields';

const browser = useChromium();
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The SVG parsed by the browser's XML parser: its root's name, size, and marks with an inline stroke or fill. */
const inspectSvg = (page: Page, text: string) =>
  page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      styledMarks: [...root.querySelectorAll('path, line, rect, circle, polyline')].filter((el) => /(stroke|fill):\s*rgb/.test(el.getAttribute('style') ?? '')).length,
    };
  }, text);

/** The PNG decoded by the browser. */
const decodePng = (page: Page, bytes: Buffer) =>
  page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
    return { width: bitmap.width, height: bitmap.height };
  }, [...bytes]);

// Two widgets at a time (the browser project's maxConcurrency), each asserting through its own `expect`.
describe.concurrent.each(WIDGET_CASES)('$slug', ({ slug }) => {
  it('exports its data as CSV and JSON with the config and seed, and a chart as SVG and PNG', async ({ expect }) => {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    const watch = watchPage(page);
    await page.goto(siteUrl(`embed/${slug}/`));
    const figure = figureOf(page, slug);
    await waitForFigure(figure, slug);
    await openExports(figure);
    const keys = FIELDS[slug]!.map((f) => f.key).filter((k) => k !== 'seed');
    const hasSeed = FIELDS[slug]!.some((f) => f.key === 'seed');
    const stem = hasSeed ? `${slug}-seed1` : slug;

    const json = await downloadFrom(page, figure.getByRole('button', { name: 'JSON' }));
    expect(json.name).toBe(`${stem}.json`);
    const data = JSON.parse(json.bytes.toString('utf8'));
    expect(data.widget).toBe(slug);
    expect(data.seed).toBe(hasSeed ? 1 : null);
    expect(Object.keys(data.config).sort()).toEqual([...keys].sort());
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.rows.every((row: unknown[]) => row.length === data.columns.length)).toBe(true);

    const csv = await downloadFrom(page, figure.getByRole('button', { name: 'CSV' }));
    expect(csv.name).toBe(`${stem}.csv`);
    const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `# widget: ${slug}`,
      `# seed: ${hasSeed ? 1 : 'none'}`,
      `# config: ${keys.map((k) => `${k}=${String(data.config[k])}`).join('; ')}`,
    ]);
    const table = lines.slice(3);
    expect(table[0]).toBe(data.columns.join(','));
    expect(table.length).toBe(data.rows.length + 1);

    const chart = (await figure.getByRole('combobox', { name: 'Chart' }).locator('option').first().textContent())!;
    const svg = await downloadFrom(page, figure.getByRole('button', { name: 'SVG' }));
    expect(svg.name).toMatch(new RegExp(`^${stem}-[a-z0-9-]+\\.svg$`));
    const parsed = await inspectSvg(page, svg.bytes.toString('utf8'));
    expect(parsed).toMatchObject({ error: false, root: 'svg', namespace: 'http://www.w3.org/2000/svg' });
    expect(parsed.width).toBeGreaterThan(100);
    expect(parsed.styledMarks).toBeGreaterThan(1);

    const png = await downloadFrom(page, figure.getByRole('button', { name: 'PNG' }));
    expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    // IHDR: width and height, big-endian, at bytes 16–23; the PNG is drawn at twice the chart's size.
    const header = { width: png.bytes.readUInt32BE(16), height: png.bytes.readUInt32BE(20) };
    expect(header).toEqual({ width: 2 * parsed.width, height: 2 * parsed.height });
    expect(await decodePng(page, png.bytes)).toEqual(header);
    expect(chart.length).toBeGreaterThan(0);

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failures).toEqual([]);
    await page.context().close();
  });
});
