import * as path from 'node:path'
import type * as TypeScript from 'typescript'

/**
 * describeTypeScriptDiagnostic writes a diagnostic as `tsc` prints it, `file.ts(12,3): error TS1005: '}'
 * expected.`, with the file relative to the working directory and a 1-based line and column.
 */
export function describeTypeScriptDiagnostic(ts: typeof TypeScript, diagnostic: TypeScript.Diagnostic): string {
  const category = ts.DiagnosticCategory[diagnostic.category].toLowerCase()
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
  const text = `${category} TS${diagnostic.code}: ${message}`
  const { file, start } = diagnostic
  if (file === undefined) return text
  const where = path.relative(process.cwd(), file.fileName) || file.fileName
  if (start === undefined) return `${where}: ${text}`
  const { line, character } = file.getLineAndCharacterOfPosition(start)
  return `${where}(${line + 1},${character + 1}): ${text}`
}
