/** Numbers as the widgets print them: fixed decimals and a true minus sign, so columns line up. */
export function fmt(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  // −0.00 reads as a sign error; show 0.00.
  return Number(text) === 0 ? (0).toFixed(digits) : text.replace('-', '−');
}

/** Significant digits (for numbers whose scale varies, e.g. squared gradient norms), true minus sign; tiny values in e-notation. */
export function fmtSig(value: number, digits = 6): string {
  const text = value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential(1) : value.toPrecision(digits);
  return text.replace('-', '−');
}
