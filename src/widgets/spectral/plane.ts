/**
 * The plane the spectral-norm figure and its still draw M in: [−LIMIT, LIMIT]² in a PLANE_SIZE ×
 * PLANE_SIZE viewBox, the unit circle and its image under M as polyline points, the ends of the major
 * axis and the basis images. Plain numbers, so the same picture renders on the server and on the page.
 */
import { apply, ellipseOf, unitAt, type Mat2, type Vec2 } from '../../lab/spectral/matrix2';

export const PLANE_SIZE = 360;
/** Plane units from the centre to an edge. */
const LIMIT = 2.5;
const OUTLINE_POINTS = 96;
const SCALE = PLANE_SIZE / (2 * LIMIT);
export const PLANE_CENTRE = PLANE_SIZE / 2;

/** One decimal of the viewBox is finer than a pixel and keeps the still's markup small. */
const round1 = (v: number) => Math.round(v * 10) / 10;

/** A point of the plane in viewBox units. */
export const toPlane = (v: Vec2): [number, number] => [round1(PLANE_CENTRE + v[0] * SCALE), round1(PLANE_CENTRE - v[1] * SCALE)];

/** A viewBox position (a pointer's) in plane units. */
export const fromPlane = (x: number, y: number): Vec2 => [(x - PLANE_CENTRE) / SCALE, (PLANE_CENTRE - y) / SCALE];

const outline = (point: (angle: number) => Vec2) =>
  Array.from({ length: OUTLINE_POINTS + 1 }, (_, i) => toPlane(point((2 * Math.PI * i) / OUTLINE_POINTS)).join(',')).join(' ');

export const UNIT_CIRCLE = outline(unitAt);

export interface EllipseView {
  /** Polyline points of M's image of the unit circle. */
  ellipse: string;
  /** Ends of the major axis (±σ along it), tip last. */
  major: [[number, number], [number, number]];
  /** Where M sends e₁ and e₂. */
  columns: [[number, number], [number, number]];
  sigma: number;
}

export function ellipseView(m: Mat2): EllipseView {
  const e = ellipseOf(m);
  const axis: Vec2 = [e.major * Math.cos(e.angle), e.major * Math.sin(e.angle)];
  return {
    ellipse: outline((angle) => apply(m, unitAt(angle))),
    major: [toPlane([-axis[0], -axis[1]]), toPlane(axis)],
    columns: [toPlane(m.col1), toPlane(m.col2)],
    sigma: e.major,
  };
}
