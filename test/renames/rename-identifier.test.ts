import { renameIdentifier } from '../../src/operations/rename-identifier'

describe('renameIdentifier', () => {
  it('renames quoted and bare references, keeping quote styles', () => {
    expect(renameIdentifier(`"body" <> '' AND body IS NOT NULL`, 'body', 'content')).toBe(`"content" <> '' AND content IS NOT NULL`)
    expect(renameIdentifier('`body` > 0 OR [body] > 1', 'body', 'content')).toBe('`content` > 0 OR [content] > 1')
    expect(renameIdentifier('(BODY)::text', 'body', 'content')).toBe('(content)::text')
  })

  it('leaves string literals, other names, functions and types alone', () => {
    expect(renameIdentifier(`body <> 'body' AND "Body" > 1 AND nobody = 2`, 'body', 'x')).toBe(`x <> 'body' AND "Body" > 1 AND nobody = 2`)
    expect(renameIdentifier('length(length) > 0', 'length', 'size')).toBe('length(size) > 0')
    expect(renameIdentifier(`"text"::text = 'it''s "text"'`, 'text', 'note')).toBe(`"note"::text = 'it''s "text"'`)
  })

  it('quotes names that need it: a bare word stays bare only where the new name reads the same bare', () => {
    expect(renameIdentifier('"a""b" > 0', 'a"b', 'c"d')).toBe('"c""d" > 0')
    expect(renameIdentifier('a > 1e5', 'a', 'order')).toBe('"order" > 1e5')
    expect(renameIdentifier('a > 0', 'a', 'Total')).toBe('"Total" > 0')
    expect(renameIdentifier('a > 0', 'a', 'big total')).toBe('"big total" > 0')
    expect(renameIdentifier('a > 0', 'a', 'total_2')).toBe('total_2 > 0')
  })

  it('in a canonical expression, drops the quotes of a name renamed to one that reads the same bare', () => {
    expect(renameIdentifier('"ssoDomain" IS NOT NULL', 'ssoDomain', 'sso_domain', true)).toBe('sso_domain IS NOT NULL')
    expect(renameIdentifier('`ssoDomain` > 0', 'ssoDomain', 'sso_domain', true)).toBe('sso_domain > 0')
    expect(renameIdentifier('"ssoDomain" IS NOT NULL', 'ssoDomain', 'ssoHost', true)).toBe('"ssoHost" IS NOT NULL')
    expect(renameIdentifier('"a" > 0', 'a', 'order', true)).toBe('"order" > 0')
    expect(renameIdentifier('"ssoDomain" IS NOT NULL', 'ssoDomain', 'sso_domain')).toBe('"sso_domain" IS NOT NULL')
  })
})
