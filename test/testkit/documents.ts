/**
 * A document of about a kilobyte whose fragments multiply by `width` at each of `n` levels: spread
 * out, it selects `width^n` copies of `leaf`. Measuring it must cost a pass over the document, not
 * over its expansion.
 */
export function fragmentBomb(n: number, width = 2, leaf = "__typename"): string {
  const spreads = (i: number) => Array.from({ length: width }, () => `...F${i - 1}`).join(" ");
  const fragments = [`fragment F0 on Query { ${leaf} }`];
  for (let i = 1; i <= n; i++) fragments.push(`fragment F${i} on Query { ${spreads(i)} }`);
  return `{ ...F${n} } ${fragments.join(" ")}`;
}
