import { storedSetDefault } from '../../../src/dialect/mysql/mysql-set-defaults'

// Measured on MariaDB 10.11: set('a','b','c') DEFAULT 'b,a' reads back 'a,b', 'a,a' 'a', 'B,c' 'b,c'; a member no
// label names is refused (Invalid default value).
describe('storedSetDefault', () => {
  const labels = ['a', 'b', 'c']
  it.each([
    ["'b,a'", "'a,b'"],
    ["'a,a'", "'a'"],
    ["'c,B,a,c'", "'a,b,c'"],
    ["'a,b'", "'a,b'"],
    ["''", "''"],
    ["'d,a'", "'d,a'"],
  ])('%s on set(a,b,c) is %s', (canonical, expected) => {
    expect(storedSetDefault(canonical, 'set', labels)).toBe(expected)
  })

  it('spells each member as its label, quotes doubled', () => {
    expect(storedSetDefault("'it''s,X'", 'set', ['x', "it's"])).toBe("'x,it''s'")
    expect(storedSetDefault("'y,x'", 'set', ['x', 'Y'])).toBe("'x,Y'")
  })

  it('leaves other types and expressions as they are', () => {
    expect(storedSetDefault("'b,a'", 'varchar', undefined)).toBe("'b,a'")
    expect(storedSetDefault("'b'", 'enum', labels)).toBe("'b'")
    expect(storedSetDefault("(concat('b',',a'))", 'set', labels)).toBe("(concat('b',',a'))")
  })
})
