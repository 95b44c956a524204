import { physicalLines } from './text-lines'

// Lone UTF-16 surrogates cannot be written to a UTF-8 file; they are written as escapes instead.
const loneSurrogate = /\p{Cs}/gu

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/**
 * templateLiteral writes `text` as a TypeScript template literal whose value is exactly `text`.
 * Besides backslashes, backticks and `${`, a carriage return is escaped: the language turns a raw CR
 * (or CRLF) inside a template into LF.
 */
export function templateLiteral(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/\r/g, '\\r')
    .replace(loneSurrogate, unicodeEscape)
  return `\`${body}\``
}

/** stringLiteral writes `text` as a single-quoted TypeScript string literal whose value is exactly `text`. */
export function stringLiteral(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/[\u2028\u2029]/g, unicodeEscape)
    .replace(loneSurrogate, unicodeEscape)
  return `'${body}'`
}

/**
 * commentLines writes text as `//` comment lines with the given indent. Every line terminator the language
 * knows ends a line comment, so each one starts a new comment line.
 */
export function commentLines(text: string, indent = ''): string[] {
  return physicalLines(text.replace(loneSurrogate, '\ufffd'))
    .map((line) => (line === '' ? `${indent}//` : `${indent}// ${line}`))
}
