/** Numbers as the widgets print them: fixed decimals and a true minus sign, so columns line up. */
export function fmt(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  // −0.00 reads as a sign error; show 0.00.
  return Number(text) === 0 ? (0).toFixed(digits) : text.replace('-', '−');
}
