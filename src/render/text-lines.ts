/** physicalLines splits text at every line terminator, including those JavaScript alone counts (U+2028, U+2029). */
export function physicalLines(text: string): string[] {
  return text.split(/\r\n|[\n\r\u2028\u2029]/)
}

/** hang prefixes the first line of `text` with `first` and every further line with `rest`. */
export function hang(text: string, first: string, rest: string): string[] {
  return physicalLines(text).map((line, i) => `${i === 0 ? first : rest}${line}`)
}

/** bullets writes items as `  - item`, with the continuation lines of an item under its text. */
export function bullets(items: readonly string[], indent: string): string[] {
  return items.flatMap((item) => hang(item, `${indent}- `, `${indent}  `))
}
