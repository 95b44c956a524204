import { serialSequenceBaseName, suffixed } from '../../../src/dialect/postgres/postgres-quote'

// PostgreSQL keeps 63 bytes of a name: longer names are cut by whole characters, as the server's own names are.
describe('names within 63 bytes', () => {
  it('keeps a name that fits, with its suffix', () => {
    expect(suffixed('post_tags', '_old')).toBe('post_tags_old')
    expect(serialSequenceBaseName('post', 'id')).toBe('post_id_seq')
  })

  it('cuts a long name before its suffix, by whole characters', () => {
    expect(suffixed('a'.repeat(70), '_x')).toBe(`${'a'.repeat(61)}_x`)
    expect(suffixed('é'.repeat(40), '')).toBe('é'.repeat(31))
  })

  it('shortens the longer of table and column for a serial sequence, as makeObjectName does', () => {
    expect(serialSequenceBaseName('t'.repeat(40), 'c'.repeat(40))).toBe(`${'t'.repeat(29)}_${'c'.repeat(29)}_seq`)
    expect(serialSequenceBaseName('t'.repeat(60), 'id')).toBe(`${'t'.repeat(56)}_id_seq`)
  })
})
