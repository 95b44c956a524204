import type * as Swc from '@swc/core'

/**
 * importsAfterCode says whether a module imports something after a statement that runs code. SWC hoists every
 * import to the top, as ES modules are specified; `tsc` and ts-node keep each `require` where its import
 * stands, so `process.env.X = ...; import './entities'` sets X before the entities load. Such a file is
 * emitted by TypeScript, which keeps that order.
 */
export function importsAfterCode(module: Swc.Module): boolean {
  let codeSeen = false
  for (const item of module.body) {
    if (loadsModule(item)) {
      if (codeSeen) return true
    } else if (runsCode(item)) {
      codeSeen = true
    }
  }
  return false
}

/** loadsModule: the item becomes a `require` that SWC hoists (type-only imports and exports are erased). */
function loadsModule(item: Swc.ModuleItem): boolean {
  switch (item.type) {
    case 'ImportDeclaration': return !item.typeOnly
    case 'ExportNamedDeclaration': return item.source !== undefined && !item.typeOnly
    case 'ExportAllDeclaration': return true
    default: return false
  }
}

/** runsCode: the item does something when it runs, where it stands (function declarations are hoisted anyway). */
function runsCode(item: Swc.ModuleItem): boolean {
  const declaration = item.type === 'ExportDeclaration' ? item.declaration : item
  switch (declaration.type) {
    case 'FunctionDeclaration':
    case 'TsInterfaceDeclaration':
    case 'TsTypeAliasDeclaration':
    case 'EmptyStatement':
    case 'ExportNamedDeclaration':
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
      return false
    case 'VariableDeclaration':
    case 'ClassDeclaration':
    case 'TsEnumDeclaration':
    case 'TsModuleDeclaration':
      return !declaration.declare
    case 'ExpressionStatement':
      // A directive ('use strict') runs nothing.
      return declaration.expression.type !== 'StringLiteral'
    default:
      return true
  }
}
