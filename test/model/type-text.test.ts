import { typeText, typeTextWithValues, typeTextWithoutEnumName } from '../../src/model/type-text'
import { column } from '../support/model-builders'

describe('typeText', () => {
  it('writes parameters after the base type and before its modifiers, as the SQL writes them', () => {
    expect(typeText(column('discount', 'decimal unsigned', { precision: 5, scale: 2 }))).toBe('decimal(5,2) unsigned')
    expect(typeTextWithoutEnumName(column('code', 'int unsigned zerofill'))).toBe('int unsigned zerofill')
    expect(typeText(column('title', 'varchar', { length: 50 }))).toBe('varchar(50)')
    expect(typeText(column('ratio', 'double precision'))).toBe('double precision')
    expect(typeText(column('tags', 'text', { isArray: true }))).toBe('text[]')
    expect(typeTextWithValues(column('mood', 'varchar', { length: 10, enumValues: ['a', 'b'] }))).toBe("varchar(10) ('a', 'b')")
  })
})
