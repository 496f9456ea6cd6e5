import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The @nestjs/microservices this process really loads (its package.json is not exported in Nest 12, so found from its entry). */
export function loadedNest(): { version: string; major: number; path: string } {
  const entry = require.resolve('@nestjs/microservices');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== '@nestjs/microservices') {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${entry}`);
    dir = parent;
  }
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { version, major: Number(version.split('.')[0]), path: dir };
}
