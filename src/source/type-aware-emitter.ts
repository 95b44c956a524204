import * as fs from 'node:fs'
import * as path from 'node:path'
import type * as TypeScript from 'typescript'

/** EmittedModule is the JavaScript of one TypeScript file and the syntax errors found in it. */
export interface EmittedModule {
  readonly outputText: string
  readonly syntaxErrors: readonly TypeScript.Diagnostic[]
  /** The files an emit with type information depends on besides the file itself (see dependenciesOf). */
  readonly dependencies?: readonly string[]
}

interface Session {
  readonly options: TypeScript.CompilerOptions
  readonly host: TypeScript.CompilerHost
  program: TypeScript.Program | undefined
  /** The files each parsed file imports, resolved once: every emit walks the imports of all the files it reaches. */
  readonly importsOf: WeakMap<TypeScript.SourceFile, readonly string[]>
  readonly resolutions: TypeScript.ModuleResolutionCache
}

const sessionOfOptions = new WeakMap<TypeScript.CompilerOptions, Session>()
let programsCreated = 0

/**
 * typeAwareProgramCount is how many `ts.Program`s emitWithTypeInformation has built in this process; a
 * project whose decorator metadata names no import builds none.
 */
export function typeAwareProgramCount(): number {
  return programsCreated
}

const plannedRoots = new Set<string>()

/**
 * planTypeAwareRoots names files about to be loaded that the TypeScript compiler will emit: the next Program
 * holds them too, so that one Program serves them all where each sits in a folder of its own (`users/user.entity.ts`,
 * `posts/post.entity.ts`), which made one Program, and one type checker, per folder.
 */
export function planTypeAwareRoots(files: readonly string[]): void {
  for (const file of files) plannedRoots.add(path.resolve(file))
}

/**
 * emitWithTypeInformation emits `fileName` (whose text is `source`) as `tsc` does with `options`: through a
 * Program, so that decorator metadata sees imported declarations (`String` for an imported string enum).
 * Imports resolve as the project's own options say (`projectOptions`: `node16`, `bundler`, whose package
 * `exports` the CommonJS emit's resolution does not read). Types are not checked and never stop the emit.
 * One Program serves every file it holds: its roots are the
 * file, the TypeScript files beside it (an entities folder is usually loaded whole) and those planned (see
 * planTypeAwareRoots), and a file outside it makes the next Program, which reuses the files already parsed.
 */
export function emitWithTypeInformation(
  ts: typeof TypeScript,
  source: string,
  fileName: string,
  options: TypeScript.CompilerOptions,
  projectOptions: TypeScript.CompilerOptions,
): EmittedModule {
  const session = sessionFor(ts, options, projectOptions)
  const target = path.resolve(fileName)
  let program = session.program
  let sourceFile = program?.getSourceFile(target)
  if (program === undefined || sourceFile === undefined || sourceFile.text !== source) {
    const host: TypeScript.CompilerHost = {
      ...session.host,
      getSourceFile: (name, languageVersion, onError, shouldCreate) =>
        path.resolve(name) === target
          ? ts.createSourceFile(name, source, languageVersion)
          : session.host.getSourceFile(name, languageVersion, onError, shouldCreate),
    }
    // Planned files deleted since (a long-lived process loads several projects) are left out.
    const rootNames = [...new Set([target, ...typeScriptFilesBeside(target), ...[...plannedRoots].filter((file) => fs.existsSync(file))])]
    program = ts.createProgram({ rootNames, options: session.options, host, oldProgram: program })
    session.program = program
    programsCreated += 1
    sourceFile = program.getSourceFile(target)
    if (sourceFile === undefined) throw new Error(`TypeScript did not read ${fileName}`)
  }
  const syntaxErrors = program.getSyntacticDiagnostics(sourceFile).filter((d) => d.category === ts.DiagnosticCategory.Error)
  if (syntaxErrors.length > 0) return { outputText: '', syntaxErrors }
  let outputText: string | undefined
  program.emit(sourceFile, (name, text) => {
    if (/\.[cm]?js$/.test(name)) outputText = text
  })
  if (outputText === undefined) throw new Error(`TypeScript emitted no JavaScript for ${fileName}`)
  return { outputText, syntaxErrors, dependencies: dependenciesOf(ts, program, target, session) }
}

/**
 * dependenciesOf lists the files the emit of `target` may depend on: the project files it imports, directly or
 * through others, and those that declare into the global scope or augment a module (scripts, `declare global`,
 * `declare module`), which need no import; for files inside node_modules, their package's package.json. The
 * other entity files of the Program are left out, so that editing one entity does not re-emit the rest.
 */
function dependenciesOf(ts: typeof TypeScript, program: TypeScript.Program, target: string, session: Session): string[] {
  const projectFiles = new Map<string, TypeScript.SourceFile>()
  const files = new Set<string>()
  for (const sourceFile of program.getSourceFiles()) {
    if (program.isSourceFileDefaultLibrary(sourceFile)) continue
    const file = path.resolve(sourceFile.fileName)
    const inModules = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file)
    if (inModules !== null) files.add(path.join(inModules[1], 'package.json'))
    else {
      projectFiles.set(file, sourceFile)
      if (declaresWithoutImport(ts, sourceFile)) files.add(file)
    }
  }
  const pending = [target]
  const reached = new Set(pending)
  while (pending.length > 0) {
    const sourceFile = projectFiles.get(pending.pop()!)
    if (sourceFile === undefined) continue
    for (const imported of importedFiles(ts, sourceFile, session)) {
      // A package's files count through its package.json, above.
      if (reached.has(imported) || /[\\/]node_modules[\\/]/.test(imported)) continue
      reached.add(imported)
      files.add(imported)
      pending.push(imported)
    }
  }
  files.delete(target)
  return [...files].sort()
}

/** declaresWithoutImport says whether a file's declarations reach others without an import: a script (no import or export), or one with `declare global` or `declare module`. */
function declaresWithoutImport(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile): boolean {
  return !ts.isExternalModule(sourceFile) || /\bdeclare\s+(global\b|module\s)/.test(sourceFile.text)
}

/** importedFiles are the files a file's imports, exports from, `import('...')` types and `/// <reference path>` resolve to. */
function importedFiles(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile, session: Session): readonly string[] {
  let files = session.importsOf.get(sourceFile)
  if (files === undefined) {
    files = resolveImports(ts, sourceFile, session)
    session.importsOf.set(sourceFile, files)
  }
  return files
}

function resolveImports(ts: typeof TypeScript, sourceFile: TypeScript.SourceFile, session: Session): string[] {
  const specifiers: string[] = []
  const visit = (node: TypeScript.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text)
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) specifiers.push(node.moduleReference.expression.text)
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) specifiers.push(node.argument.literal.text)
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  const resolved = specifiers
    .map((specifier) => ts.resolveModuleName(specifier, sourceFile.fileName, session.options, session.host, session.resolutions).resolvedModule?.resolvedFileName)
    .filter((file): file is string => file !== undefined)
  const referenced = sourceFile.referencedFiles.map((reference) => path.resolve(path.dirname(sourceFile.fileName), reference.fileName))
  return [...resolved, ...referenced].map((file) => path.resolve(file))
}

function sessionFor(ts: typeof TypeScript, loaderOptions: TypeScript.CompilerOptions, projectOptions: TypeScript.CompilerOptions): Session {
  let session = sessionOfOptions.get(loaderOptions)
  if (session === undefined) {
    const options = emitOptions(loaderOptions)
    const host = resolvingAsProject(ts, cachingHost(ts, options), projectOptions)
    const resolutions = ts.createModuleResolutionCache(process.cwd(), (name) => host.getCanonicalFileName(name), options)
    session = { options, host, program: undefined, importsOf: new WeakMap(), resolutions }
    sessionOfOptions.set(loaderOptions, session)
  }
  return session
}

function typeScriptFilesBeside(file: string): string[] {
  const folder = path.dirname(file)
  // transpile may be given the text of a file that is not on disk.
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?ts$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name))
    .map((entry) => path.join(folder, entry.name))
    .filter((sibling) => sibling !== file)
}

/**
 * emitOptions are the loader's options for a whole-program emit: output next to the source, as the loader
 * runs it, no type check (the emit is the same, only the errors are not looked for), and nothing that would
 * stop the emit or write a build-info file.
 */
function emitOptions(options: TypeScript.CompilerOptions): TypeScript.CompilerOptions {
  return {
    ...options,
    noEmitOnError: false,
    noCheck: true,
    outDir: undefined,
    outFile: undefined,
    rootDir: undefined,
    declarationDir: undefined,
    incremental: false,
    composite: false,
    tsBuildInfoFile: undefined,
  }
}

/**
 * resolvingAsProject makes `host` resolve imports with the project's module resolution where it reads package
 * `exports` (`node16`, `nodenext`, `bundler`) and the loader's CommonJS emit would not: a package that publishes
 * its types only through `exports` has them found, so that decorator metadata is what `tsc` writes for the project.
 */
function resolvingAsProject(ts: typeof TypeScript, host: TypeScript.CompilerHost, projectOptions: TypeScript.CompilerOptions): TypeScript.CompilerHost {
  const kind = projectOptions.moduleResolution
  const readsExports = kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext || kind === ts.ModuleResolutionKind.Bundler
  if (!readsExports) return host
  const cache = ts.createModuleResolutionCache(process.cwd(), (name) => host.getCanonicalFileName(name), projectOptions)
  return {
    ...host,
    resolveModuleNameLiterals: (literals, containingFile, redirected, _options, containingSourceFile) => literals.map((literal) =>
      ts.resolveModuleName(literal.text, containingFile, projectOptions, host, cache, redirected, ts.getModeForUsageLocation(containingSourceFile, literal, projectOptions))),
  }
}

/** cachingHost reads each file once for every Program built with `options`. */
function cachingHost(ts: typeof TypeScript, options: TypeScript.CompilerOptions): TypeScript.CompilerHost {
  const host = ts.createCompilerHost(options)
  const parsed = new Map<string, TypeScript.SourceFile | undefined>()
  return {
    ...host,
    getSourceFile(name, languageVersion, onError, shouldCreate) {
      const key = `${name}\0${JSON.stringify(languageVersion)}`
      if (!parsed.has(key)) parsed.set(key, host.getSourceFile(name, languageVersion, onError, shouldCreate))
      return parsed.get(key)
    },
  }
}
