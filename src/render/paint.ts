/** Style is what a piece of terminal text is: its colour follows from it. */
export type Style = 'heading' | 'add' | 'drop' | 'change' | 'danger' | 'warning' | 'note' | 'ok'

/** Paint styles a piece of text for where it is printed: with ANSI colours in a terminal, else not at all. */
export type Paint = (style: Style, text: string) => string

/** plain leaves text as it is: for files, pipes and JSON. */
export const plain: Paint = (_style, text) => text

// SGR codes: each style switches its attribute on and, after the text, only that attribute off again.
const sgr: Readonly<Record<Style, readonly [number, number]>> = {
  heading: [1, 22],
  add: [32, 39],
  drop: [31, 39],
  change: [33, 39],
  danger: [31, 39],
  warning: [33, 39],
  note: [36, 39],
  ok: [32, 39],
}

/** ansi styles text with ANSI colours, line by line, so that a multi-line text never leaves a colour open. */
export const ansi: Paint = (style, text) => {
  const [on, off] = sgr[style]
  return text.split('\n').map((line) => (line === '' ? line : `\u001b[${on}m${line}\u001b[${off}m`)).join('\n')
}

/** signStyle is the style of a summary line by its sign: `+` added, `-` dropped, `~` changed. */
export function signStyle(sign: string): Style {
  return sign === '+' ? 'add' : sign === '-' ? 'drop' : 'change'
}
