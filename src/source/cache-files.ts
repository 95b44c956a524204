import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'

/**
 * writeCacheText writes a cache file whole or not at all (a concurrent run reads the old text or the new), its
 * text given in pieces to `write` and written in blocks, with other than ASCII escaped (see asciiOnly), so that
 * the text of a large cache is never one string (peak memory). It says whether it wrote the file; it never throws
 * and leaves no temporary file: a cache that cannot be written only costs the next run its speed.
 */
export function writeCacheText(file: string, fill: (write: (text: string) => void) => void): boolean {
  return writeThroughTemporary(file, (fd) => {
    let block: string[] = []
    let size = 0
    const flush = () => {
      fs.writeSync(fd, asciiOnly(block.join('')), null, 'latin1')
      block = []
      size = 0
    }
    fill((text) => {
      block.push(text)
      size += text.length
      if (size >= blockSize) flush()
    })
    flush()
  })
}

/** writeCacheBytes writes a cache file of bytes as writeCacheText does its text. */
export function writeCacheBytes(file: string, data: Uint8Array): boolean {
  return writeThroughTemporary(file, (fd) => fs.writeSync(fd, data))
}

const blockSize = 1 << 16

function writeThroughTemporary(file: string, write: (fd: number) => void): boolean {
  const partial = `${file}.${process.pid}.${writer}.${++writes}.tmp`
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const fd = fs.openSync(partial, 'w')
    try {
      write(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(partial, file)
    return true
  } catch {
    try {
      fs.rmSync(partial, { force: true })
    } catch {
      // left behind, it is a file the cache never reads
    }
    return false
  }
}

let writes = 0
// Each copy of this module counts its writes from 0, and a process can hold several (the test runner's runs of
// the CLI): with one temporary file for two writes of a file, the second write could empty the file the first
// had just renamed into place.
const writer = randomBytes(6).toString('hex')

/**
 * writeJsonPieces gives `write` the JSON.stringify text of plain data in pieces: down to `depth` levels each field
 * of an object and each element of an array apart.
 */
export function writeJsonPieces(write: (text: string) => void, value: unknown, depth = 4): void {
  const plainObject = value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
  if (depth === 0 || !(Array.isArray(value) || plainObject)) {
    write(JSON.stringify(value) ?? 'null')
  } else if (Array.isArray(value)) {
    write('[')
    value.forEach((element, i) => {
      if (i > 0) write(',')
      writeJsonPieces(write, element, depth - 1)
    })
    write(']')
  } else {
    write('{')
    let first = true
    for (const [name, field] of Object.entries(value as object)) {
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue
      write(`${first ? '' : ','}${JSON.stringify(name)}:`)
      writeJsonPieces(write, field, depth - 1)
      first = false
    }
    write('}')
  }
}

/** asciiOnly escapes JSON text's other characters (`\u00e9`), so that it is read back byte for byte, faster than UTF-8. */
function asciiOnly(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
