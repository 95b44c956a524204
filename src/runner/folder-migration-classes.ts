type ClassesLoader = (logger: unknown, directories: string[], ...rest: unknown[]) => Promise<unknown[]>

/**
 * withFolderMigrationClasses runs `work` with TypeORM taking only the migration classes from the files of
 * `folderGlob`, the migrations folder the runner loads beside the DataSource's migrations (see
 * openForMigrations). TypeORM takes every function a file of its globs exports for a migration and constructs
 * it, so a helper exported beside the class (OneUptime's `getClearQuery(reference)`, which reads its argument)
 * would throw, where the application, whose DataSource lists the classes, never constructs it; an index file
 * exporting the list the DataSource takes gives the classes in it. The DataSource's own globs keep TypeORM's reading.
 */
export async function withFolderMigrationClasses<T>(folderGlob: string, work: () => Promise<T>): Promise<T> {
  const loader = require('typeorm/util/DirectoryExportedClassesLoader') as { importClassesFromDirectories: ClassesLoader }
  const original = loader.importClassesFromDirectories
  loader.importClassesFromDirectories = async (logger, directories, ...rest) => {
    if (!directories.includes(folderGlob)) return original(logger, directories, ...rest)
    const own = await original(logger, directories.filter((directory) => directory !== folderGlob), ...rest)
    const folder = await original(logger, [folderGlob], ...rest)
    return [...own, ...folder.filter(isMigrationClass)]
  }
  try {
    return await work()
  } finally {
    loader.importClassesFromDirectories = original
  }
}

function isMigrationClass(exported: unknown): boolean {
  const prototype = (exported as { prototype?: { up?: unknown; down?: unknown } } | null)?.prototype
  return typeof exported === 'function' && typeof prototype?.up === 'function' && typeof prototype.down === 'function'
}
