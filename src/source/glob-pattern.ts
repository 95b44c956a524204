/**
 * globPatternRegExp turns a path glob as TypeORM's loader reads it (`*`, `**`, `?`, `[...]`, `{a,b}`) into a
 * RegExp over whole `/`-separated paths, or undefined for syntax it does not know (extglobs such as
 * `+(a|b)`): a caller then cannot tell what the glob loads.
 */
export function globPatternRegExp(glob: string): RegExp | undefined {
  const body = translate(glob.replace(/\\/g, '/'))
  return body === undefined ? undefined : new RegExp(`^${body}$`)
}

const special = /[.+^$|\\]/

function translate(glob: string): string | undefined {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      const wholeSegment = (i === 0 || glob[i - 1] === '/') && (glob[i + 2] === '/' || i + 2 === glob.length)
      if (!wholeSegment) return undefined
      if (glob[i + 2] === '/') {
        out += '(?:[^/]*/)*'
        i += 2
      } else {
        out += '.*'
        i += 1
      }
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2)
      if (end === -1) return undefined
      const inside = glob.slice(i + 1, end)
      out += `[${inside.startsWith('!') ? `^${inside.slice(1)}` : inside}]`
      i = end
    } else if (c === '{') {
      const end = closingBrace(glob, i)
      if (end === undefined) return undefined
      const alternatives = splitTopLevel(glob.slice(i + 1, end)).map(translate)
      if (alternatives.some((a) => a === undefined)) return undefined
      out += `(?:${alternatives.join('|')})`
      i = end
    } else if (c === '(' || c === ')' || c === '}' || (c === '!' && i === 0)) return undefined
    else out += special.test(c) ? `\\${c}` : c
  }
  return out
}

function closingBrace(glob: string, open: number): number | undefined {
  let depth = 0
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++
    else if (glob[i] === '}' && --depth === 0) return i
  }
  return undefined
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}') depth--
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  return [...parts, text.slice(start)]
}
