import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package under test: never linked from a node_modules, always resolved as the test says. */
const PACKAGE_NAME = 'nestjs-ack';

/** Links every package of `source` not yet in `target` (the peers: Nest, rxjs, drivers, @types/node), except the one under test. */
export function linkModules(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name.startsWith('.') || name === PACKAGE_NAME) continue;
    if (name.startsWith('@')) {
      mkdirSync(join(target, name), { recursive: true });
      for (const scoped of readdirSync(join(source, name))) {
        if (!existsSync(join(target, name, scoped))) symlinkSync(join(source, name, scoped), join(target, name, scoped), 'dir');
      }
    } else if (!existsSync(join(target, name))) {
      symlinkSync(join(source, name), join(target, name), 'dir');
    }
  }
}

/** This repository, found above `from` (scripts/nest-majors.sh runs a copy of build/ from .nest-majors/<major>/). */
export function repositoryRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE_NAME) return dir;
  }
  throw new Error(`no ${PACKAGE_NAME} package.json above ${from}`);
}
