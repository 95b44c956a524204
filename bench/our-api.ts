import * as fs from 'node:fs'
import * as path from 'node:path'
import type * as CompareProjectModule from '../src/pipeline/compare-project'
import type * as LoadConfigModule from '../src/source/load-config'
import { repoRoot } from './bench-settings'

// The benchmark measures the built library (dist/), as the CLI runs it; the types come from src/.
const distSource = path.join(repoRoot, 'dist', 'src')

export function ourLoadProject(): typeof LoadConfigModule.loadProject {
  return (require(path.join(distSource, 'source', 'load-config.js')) as typeof LoadConfigModule).loadProject
}

export function ourCompareProject(): typeof CompareProjectModule.compareProject {
  return (require(path.join(distSource, 'pipeline', 'compare-project.js')) as typeof CompareProjectModule).compareProject
}

/** staleBuildFiles lists the src/ files whose dist/ output is missing or older, so the bench never times old code. */
export function staleBuildFiles(): string[] {
  const stale: string[] = []
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const built = path.join(repoRoot, 'dist', path.relative(repoRoot, file)).replace(/\.ts$/, '.js')
        if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(file).mtimeMs) stale.push(path.relative(repoRoot, file))
      }
    }
  }
  walk(path.join(repoRoot, 'src'))
  return stale.sort()
}
