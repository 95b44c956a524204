import { compileWithExportsReadableEarly } from '../../src/source/exports-read-before-initialization'

// SWC's CommonJS exports each declaration through a getter; inside a cycle of imports it is read before the
// declaration runs. The getters read undefined until then, as tsc's `exports.Name = void 0` does.

function swcStyleModule(readEarly: (exports: Record<string, unknown>) => void) {
  const module: { exports: unknown } = { exports: {} }
  compileWithExportsReadableEarly(module, () => {
    const exports = module.exports as Record<string, unknown>
    Object.defineProperty(exports, '__esModule', { value: true })
    Object.defineProperty(exports, 'Post', { enumerable: true, get: () => Post })
    readEarly(exports)
    class Post {}
  })
  return module
}

test('a getter read before its class is declared reads undefined, and the class afterwards', () => {
  let early: unknown = 'not read'
  let taken: Record<string, unknown> = {}
  const module = swcStyleModule((exports) => {
    early = exports.Post
    taken = exports
  })
  expect(early).toBeUndefined()
  expect(typeof taken.Post).toBe('function')
  expect(typeof (module.exports as Record<string, unknown>).Post).toBe('function')
  expect(Object.keys(module.exports as object)).toEqual(['Post'])
})

test('afterwards the exports are the plain object; other errors of a getter still throw', () => {
  const module: { exports: unknown } = { exports: {} }
  const plain = module.exports
  compileWithExportsReadableEarly(module, () => {
    Object.defineProperty(module.exports, 'broken', { enumerable: true, get: () => { throw new TypeError('no') } })
  })
  expect(module.exports).toBe(plain)
  expect(() => (module.exports as Record<string, unknown>).broken).toThrow(TypeError)
})

test('a module that replaces its exports keeps them', () => {
  const module: { exports: unknown } = { exports: {} }
  const replaced = { value: 1 }
  compileWithExportsReadableEarly(module, () => {
    module.exports = replaced
  })
  expect(module.exports).toBe(replaced)
})
