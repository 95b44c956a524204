import { type Interface, createInterface } from 'node:readline'
import { type RenameAsk, type SuspectedRename, renameLabel, renamedOrMoved } from '../diff/rename-types'

/** RenamePrompt asks about suspected renames until closed. */
export interface RenamePrompt {
  readonly ask: RenameAsk
  close(): void
}

/**
 * withRenamePrompt runs `work` with a prompt on the terminal, or with none when stdin or stdout is not a
 * terminal (a pipe, CI): then `generate` stops on a suspected rename instead, naming the hint to add.
 */
export async function withRenamePrompt<T>(work: (ask: RenameAsk | undefined) => Promise<T>): Promise<T> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return work(undefined)
  const prompt = renamePrompt(process.stdin, process.stderr)
  try {
    return await work(prompt.ask)
  } finally {
    prompt.close()
  }
}

/**
 * renamePrompt asks `was post.body renamed to post.content? [y/N] (N drops post.body and its values)` on `output`, after a line with the
 * reasons, and reads one answer line from `input`: `y` or `yes` (any case) is yes; anything else, or the
 * end of the input, is no. Lines typed ahead are kept for the next questions.
 */
export function renamePrompt(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): RenamePrompt {
  let lines: Interface | undefined
  const queued: string[] = []
  let waiting: ((line: string | undefined) => void) | undefined
  let ended = false
  const deliver = (line: string | undefined) => {
    const resolve = waiting
    waiting = undefined
    resolve?.(line)
  }
  const nextLine = () =>
    new Promise<string | undefined>((resolve) => {
      if (lines === undefined) {
        lines = createInterface({ input, terminal: false })
        lines.on('line', (line) => (waiting ? deliver(line) : queued.push(line)))
        lines.on('close', () => {
          ended = true
          deliver(undefined)
        })
      }
      if (queued.length > 0) resolve(queued.shift())
      else if (ended) resolve(undefined)
      else waiting = resolve
    })
  return {
    async ask(suspect) {
      output.write(renameQuestion(suspect))
      const answer = await nextLine()
      if (answer === undefined) output.write('\n')
      return answer !== undefined && /^\s*y(es)?\s*$/i.test(answer)
    },
    close: () => lines?.close(),
  }
}

/**
 * renameQuestion is the line with the reasons, then the question, ending where the answer is typed. It says
 * what the default answer does: no drops the old table or column, and its data with it.
 */
export function renameQuestion(suspect: SuspectedRename): string {
  const { from, to } = renameLabel(suspect, suspect.namedWithSchema === true)
  const lost = suspect.kind === 'table' ? `N drops table ${from} and its rows` : `N drops ${from} and its values`
  return `${suspect.kind} ${from} is gone and ${to} is new (${suspect.reasons.join(', ')})\nwas ${from} ${renamedOrMoved(suspect)} to ${to}? [y/N] (${lost}) `
}
