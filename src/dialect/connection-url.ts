/** parseUrl is a DataSource's `url` parsed, or undefined when there is none or it does not parse. */
export function parseUrl(url: string | undefined): URL | undefined {
  if (url === undefined) return undefined
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** withoutSecret is `text` with every occurrence of `secret` (a password) masked as `***`. */
export function withoutSecret(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text
}
