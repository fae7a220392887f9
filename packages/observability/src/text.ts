const unpaired = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const controls = /[\u0000-\u001f\u007f-\u009f]|\p{Cf}/gu;

/**
 * `value` as the product stores or logs text a client sent: control characters (NUL, escape
 * sequences, CR/LF, BEL), format characters (bidi overrides and isolates, zero-width ones: text that
 * would read differently than it is) and unpaired surrogates replaced by U+FFFD, cut to `max` characters with a
 * marker saying how much was cut. What an auditor or an operator reads is what was sent, made
 * harmless and bounded.
 */
export function printable(value: string, max = 256): string {
  const clean = value.replace(unpaired, "\uFFFD").replace(controls, "\uFFFD");
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max).replace(unpaired, "")}…[+${clean.length - max} characters]`;
}
