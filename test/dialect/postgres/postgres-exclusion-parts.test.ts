import { canonicalExclusion, exclusionParts } from '../../../src/dialect/postgres/postgres-exclusion-parts'

describe('exclusion constraint definitions', () => {
  it('reads the method, each element with its operator, the options and the predicate', () => {
    expect(exclusionParts('USING gist ("room" WITH =, tstzrange("from", "to") WITH &&) WHERE (NOT "cancelled")')).toEqual({
      method: 'gist',
      elements: [
        { expression: 'room', options: '', operator: '=' },
        { expression: 'tstzrange("from", "to")', options: '', operator: '&&' },
      ],
      options: '',
      where: 'NOT cancelled',
    })
    expect(exclusionParts('USING btree ((lower(name)) text_pattern_ops DESC NULLS LAST WITH =) INCLUDE (room) DEFERRABLE')).toEqual({
      method: 'btree',
      elements: [{ expression: 'lower(name)', options: 'text_pattern_ops DESC nulls last', operator: '=' }],
      options: 'include(room) deferrable',
    })
  })

  it('spells alike what PostgreSQL prints and what an entity writes', () => {
    const printed = 'USING gist (room WITH =, tstzrange("from", "to") WITH &&) WHERE ((NOT cancelled))'
    expect(canonicalExclusion('using GIST ( "room" with = , tstzrange("from","to") with && ) where (not "cancelled")')).toBe(canonicalExclusion(printed))
    // No method written is btree, as PostgreSQL takes it.
    expect(canonicalExclusion('(name WITH =)')).toBe(canonicalExclusion('USING btree (name WITH =)'))
    expect(canonicalExclusion('USING btree (name WITH =) WITH (fillfactor=70)')).toBe(canonicalExclusion("USING btree (name WITH =) WITH (fillfactor='70')"))
    expect(canonicalExclusion('USING gist (room WITH =)')).not.toBe(canonicalExclusion('USING gist (room WITH <>)'))
    expect(canonicalExclusion('USING gist (room WITH =)')).not.toBe(canonicalExclusion('USING gist (room WITH =) WHERE (room > 0)'))
  })

  it('keeps text it cannot read as parts, in canonical spelling', () => {
    expect(exclusionParts('USING gist room WITH =')).toBeUndefined()
    expect(canonicalExclusion('USING gist "room" WITH =')).toBe(canonicalExclusion('using GIST room with ='))
  })
})
