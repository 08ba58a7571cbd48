/**
 * A figure's charts as files: the SVG on the page made standalone (the styles it takes from the
 * course's stylesheets and CSS variables written onto each element), and a PNG drawn from that SVG on
 * a canvas. Browser-only (computed styles, canvas); the file names and tables are in export-data.ts.
 */

/** What the charts' stylesheets set that decides how a mark looks; copied from the computed style. */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartOnPage {
  name: string;
  svg: SVGSVGElement;
}

/** The charts in a figure: drawn SVGs, in document order (not the legends' decorative swatches). */
export function chartsIn(root: Element): ChartOnPage[] {
  return [...root.querySelectorAll<SVGSVGElement>('svg:not([aria-hidden="true"])')]
    .filter((svg) => svg.getBoundingClientRect().width > 0 && svg.childElementCount > 0)
    .map((svg, i) => ({ svg, name: accessibleName(svg) ?? `chart ${i + 1}` }));
}

function accessibleName(svg: SVGSVGElement): string | null {
  const label = svg.getAttribute('aria-label');
  if (label) return label;
  const labelledBy = svg.getAttribute('aria-labelledby')?.split(/\s+/)[0];
  const title = labelledBy ? svg.ownerDocument.getElementById(labelledBy)?.textContent : svg.querySelector('title')?.textContent;
  return title?.trim() || null;
}

/** The chart as a standalone SVG document of its on-screen size, on the page's background colour. */
export function standaloneSvg(svg: SVGSVGElement, background: string): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((element, i) => {
    const computed = getComputedStyle(element);
    copies[i]!.setAttribute('style', INLINED_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';'));
  });
  const { width, height } = svg.getBoundingClientRect();
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const box = clone.viewBox.baseVal;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.removeAttribute('tabindex');
  const rect = svg.ownerDocument.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: box.x, y: box.y, width: box.width, height: box.height })) rect.setAttribute(k, String(v));
  rect.setAttribute('fill', background);
  clone.insertBefore(rect, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width: Math.round(width), height: Math.round(height) };
}

/** The SVG drawn onto a canvas at `scale` × its size (sharp on high-density screens and in slides). */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = svg.width * scale;
  canvas.height = svg.height * scale;
  canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'),
  );
}

/** Saves `blob` as `name` through a temporary download link. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url));
}
