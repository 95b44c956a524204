import { physicalLines } from './text-lines'

/**
 * markdownText is plain text (a name, a hazard's sentence) as markdown that shows it as it is: the
 * characters markdown reads as emphasis, code, links, HTML, tables or headings escaped, `&` written as
 * an entity, and line breaks as `<br>`.
 */
export function markdownText(text: string): string {
  const lines = physicalLines(text)
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
    .map((line) => line.replace(/&/g, '&amp;').replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`))
    .join('<br>')
}

/** codeSpan is text as inline code: fenced by more backticks than it holds in a row, on one line. */
export function codeSpan(text: string): string {
  const oneLine = physicalLines(text).join(' ')
  const fence = '`'.repeat(longestRun(oneLine, '`') + 1)
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${oneLine}${pad}${fence}`
}

/** codeBlock is lines as a fenced code block of `language`, its fence longer than any backtick run inside. */
export function codeBlock(language: string, lines: readonly string[]): string[] {
  const fence = '`'.repeat(Math.max(3, ...lines.map((line) => longestRun(line, '`') + 1)))
  return [`${fence}${language}`, ...lines, fence]
}

/** folded is markdown folded under `<details>`, opened by clicking `summary` (plain text, inside HTML where markdown is not read). */
export function folded(summary: string, body: readonly string[]): string[] {
  const html = summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return ['<details>', `<summary>${html}</summary>`, '', ...body, '', '</details>']
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let run = 0
  for (const c of text) {
    run = c === char ? run + 1 : 0
    longest = Math.max(longest, run)
  }
  return longest
}
