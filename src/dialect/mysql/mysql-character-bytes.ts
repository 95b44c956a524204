/** bytesPerCharacter is the most bytes a character of `charset` takes; undefined for none named or one not known here. */
export function bytesPerCharacter(charset: string | undefined): number | undefined {
  const name = charset?.toLowerCase()
  if (name === undefined) return undefined
  if (name === 'utf8mb4' || name === 'utf16' || name === 'utf16le' || name === 'utf32') return 4
  if (name === 'utf8mb3' || name === 'utf8') return 3
  if (name === 'ucs2') return 2
  if (name === 'latin1' || name === 'ascii' || name === 'binary' || name === 'latin2' || name === 'cp1250' || name === 'cp1251') return 1
  return undefined
}
