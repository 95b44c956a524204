/** isLiteralDefault: a canonical default that is a string, number or boolean constant, the one value of every row it fills. */
export function isLiteralDefault(value: string | undefined): boolean {
  return value !== undefined && /^(?:'(?:[^']|'')*'|[-+]?\d+(?:\.\d+)?|true|false)$/i.test(value.trim())
}
