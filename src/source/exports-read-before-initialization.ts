/**
 * compileWithExportsReadableEarly runs `compile` (the module's code) with each getter the code defines on its
 * exports reading `undefined`, not throwing, before the binding it returns is initialized. SWC's CommonJS
 * exports a declaration through such a getter; inside a cycle of imports, another file's decorator metadata
 * reads it before the class is declared (`Cannot access 'Post' before initialization`), where `tsc`'s
 * `exports.Post` reads `undefined`. Files that took the exports while the code ran keep the lenient view;
 * afterwards the exports are the plain object again.
 */
export function compileWithExportsReadableEarly(module: { exports: unknown }, compile: () => void): void {
  const exports = module.exports
  if (typeof exports !== 'object' || exports === null) return compile()
  const lenient = new Proxy(exports, {
    defineProperty(target, key, descriptor) {
      const get = descriptor.get
      // A proxy may define what was asked for differently only where the property stays configurable.
      if (get === undefined || descriptor.configurable === false) return Reflect.defineProperty(target, key, descriptor)
      return Reflect.defineProperty(target, key, { ...descriptor, configurable: true, get: readableEarly(get) })
    },
  })
  module.exports = lenient
  try {
    compile()
  } finally {
    if (module.exports === lenient) module.exports = exports
  }
}

function readableEarly(get: () => unknown): () => unknown {
  return function (this: unknown) {
    try {
      return get.call(this)
    } catch (err) {
      if (err instanceof ReferenceError) return undefined
      throw err
    }
  }
}
