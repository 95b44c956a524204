/**
 * parseJsonWithComments reads a tsconfig-style JSON text: JSON with `//` and `/* *\/` comments, trailing
 * commas in objects and arrays, and a leading byte order mark; a text with no value at all is `{}`, as
 * TypeScript reads it. It returns undefined for anything else (a syntax error, a single-quoted string, a
 * hexadecimal number, a `__proto__` key...): every text it reads, TypeScript reads to the same value, so the
 * caller can leave the rest to TypeScript, which reports the error or reads what is only TypeScript's syntax.
 */
export function parseJsonWithComments(text: string): unknown {
  const json = withoutCommentsAndTrailingCommas(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  if (json === undefined) return undefined
  if (json.trim() === '') return {}
  let protoKey = false
  try {
    const value = JSON.parse(json, (key, item: unknown) => {
      if (key === '__proto__') protoKey = true
      return item
    }) as unknown
    return protoKey ? undefined : value
  } catch {
    return undefined
  }
}

/**
 * withoutCommentsAndTrailingCommas blanks comments and the commas that close an object or array, outside
 * strings; undefined for an unterminated comment or string. A comma right after `{`, `[` or another comma
 * is kept, so that JSON.parse rejects it as TypeScript does.
 */
function withoutCommentsAndTrailingCommas(text: string): string | undefined {
  let out = ''
  let lastSignificant = ''
  let pendingComma = -1
  for (let i = 0; i < text.length; ) {
    const char = text[i]
    if (char === '"') {
      const end = endOfString(text, i)
      if (end === undefined) return undefined
      out += text.slice(i, end)
      lastSignificant = '"'
      pendingComma = -1
      i = end
    } else if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      if (end < 0) return undefined
      out += ' '
      i = end + 2
    } else {
      if ((char === '}' || char === ']') && pendingComma >= 0) out = `${out.slice(0, pendingComma)} ${out.slice(pendingComma + 1)}`
      if (char === ',' && !'{[,'.includes(lastSignificant)) pendingComma = out.length
      else if (!/\s/.test(char)) pendingComma = -1
      if (!/\s/.test(char)) lastSignificant = char
      out += char
      i += 1
    }
  }
  return out
}

/** endOfString is the index after the closing quote of the string that opens at `start`, undefined when unterminated. */
function endOfString(text: string, start: number): number | undefined {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1
    else if (text[i] === '"') return i + 1
    else if (text[i] === '\n') return undefined
  }
  return undefined
}
