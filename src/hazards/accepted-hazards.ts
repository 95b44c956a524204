import type { Severity } from './hazard'

/** FileHazard is a hazard comment read back from a migration file. */
export interface FileHazard {
  readonly code: string
  readonly severity: Severity
  readonly message: string
  /** The reviewer changed `// hazard` to `// accepted` on its line. */
  readonly accepted: boolean
  /** 1-based line number in the file. */
  readonly line: number
}

// `// hazard DROP_COLUMN (danger): Deletes ...`, as render/hazard-text.ts writes it, or `// accepted ...`.
const commentPattern = /^\s*\/\/\s*(hazard|accepted)\s+([A-Z][A-Z0-9_]*)\s+\((info|warning|danger)\):\s*(.*?)\s*$/i

/**
 * readHazardComments finds the hazard comments of a rendered migration file, in file order: a line
 * `// hazard <CODE> (<severity>): <message>` is open, the same line starting `// accepted` is accepted.
 * Codes this version does not know are read as well (a file may come from a newer version).
 */
export function readHazardComments(source: string): FileHazard[] {
  return source.split(/\r\n|\n|\r/).flatMap((text, i): FileHazard[] => {
    const match = commentPattern.exec(text)
    if (match === null) return []
    const [, word, code, severity, message] = match
    return [{
      code: code!.toUpperCase(),
      severity: severity!.toLowerCase() as Severity,
      message: message!,
      accepted: word!.toLowerCase() === 'accepted',
      line: i + 1,
    }]
  })
}

/**
 * unacceptedHazards are the hazard comments of a file that no reviewer accepted yet. Notes need no accepting:
 * files write them as `// note <CODE>: ...`, which this never reads, and a file of an older version that
 * wrote one as `// hazard <CODE> (info): ...` does not count it either.
 */
export function unacceptedHazards(source: string): FileHazard[] {
  return readHazardComments(source).filter((h) => !h.accepted && h.severity !== 'info')
}

/**
 * reopenAccepted writes every hazard comment of `source` as `// hazard <CODE> ...`, accepted or not (and however
 * the reviewer spaced or cased the word), so that a file reads the same before and after a reviewer accepted
 * its hazards (autogen.sum hashes it so).
 */
export function reopenAccepted(source: string): string {
  return source
    .split(/(\r\n|\n|\r)/)
    .map((text) => (commentPattern.test(text) ? text.replace(/^(\s*)\/\/\s*(?:hazard|accepted)\s+/i, '$1// hazard ') : text))
    .join('')
}
