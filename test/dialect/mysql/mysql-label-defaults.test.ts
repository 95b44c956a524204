import { storedLabelDefault } from '../../../src/dialect/mysql/mysql-label-defaults'

// Measured on MariaDB 10.11: set('a','b','c') DEFAULT 'b,a' reads back 'a,b', 'a,a' 'a', 'B,c' 'b,c'; a member no
// label names is refused (Invalid default value); enum('x','Y') DEFAULT 'y' reads back 'Y'.
describe('storedLabelDefault', () => {
  const labels = ['a', 'b', 'c']
  it.each([
    ["'b,a'", "'a,b'"],
    ["'a,a'", "'a'"],
    ["'c,B,a,c'", "'a,b,c'"],
    ["'a,b'", "'a,b'"],
    ["''", "''"],
    ["'d,a'", "'d,a'"],
  ])('%s on set(a,b,c) is %s', (canonical, expected) => {
    expect(storedLabelDefault(canonical, 'set', labels)).toBe(expected)
  })

  it('spells each member as its label, quotes doubled', () => {
    expect(storedLabelDefault("'it''s,X'", 'set', ['x', "it's"])).toBe("'x,it''s'")
    expect(storedLabelDefault("'y,x'", 'set', ['x', 'Y'])).toBe("'x,Y'")
  })

  it("spells an enum's default as its label", () => {
    expect(storedLabelDefault("'y'", 'enum', ['x', 'Y'])).toBe("'Y'")
    expect(storedLabelDefault("'it''S'", 'enum', ["it's"])).toBe("'it''s'")
    expect(storedLabelDefault("'z'", 'enum', ['x', 'Y'])).toBe("'z'")
  })

  it('leaves other types and expressions as they are', () => {
    expect(storedLabelDefault("'b,a'", 'varchar', undefined)).toBe("'b,a'")
    expect(storedLabelDefault("'b'", 'enum', labels)).toBe("'b'")
    expect(storedLabelDefault("(concat('b',',a'))", 'set', labels)).toBe("(concat('b',',a'))")
  })
})
