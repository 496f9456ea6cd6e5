// Fails when files of this repository import each other, directly or in a circle: a cycle makes the
// load order decide which side sees `undefined`, and two files that need each other are one concern
// split badly. Reads the sources (no TypeScript needed, so it runs before any build): every
// `import ... from './x'`, `export ... from './x'`, `import './x'`, `import('./x')` and `require('./x')`
// of a relative path, type-only imports included, in the folders below.
//
//   node scripts/import-cycles.mjs            # exit 1 and one line per cycle, or exit 0
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const FOLDERS = ['lib', 'test', 'bench', 'reliability', 'sample', 'scripts'];
/** Generated, installed or separate projects (the packaging tests' own package.json projects). */
const SKIP = new Set(['node_modules', 'results', 'quickstart', 'typescript-5']);
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
};
for (const folder of FOLDERS) if (existsSync(join(ROOT, folder))) walk(join(ROOT, folder));

const STATEMENT = /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])(\.{1,2}\/[^'"]*|\.{1,2})\1/gm;
const SIDE_EFFECT = /^\s*import\s*(['"])(\.{1,2}\/[^'"]*|\.{1,2})\1/gm;
const CALL = /\b(?:import|require)\s*\(\s*(['"])(\.{1,2}\/[^'"]*)\1\s*\)/g;

/** The file a relative specifier names: as written, or with a source extension, or its folder's index (`.js` may stand for `.ts`). */
function target(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|mjs|cjs)$/, '');
  const candidates = [base, ...['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].flatMap((ext) => [stem + ext, base + ext]), join(base, 'index.ts'), join(base, 'index.js')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** Comments out of the way (a `// import './x'` in a doc is no import); strings containing `//` are left alone. */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const edges = new Map();
for (const file of files) {
  const text = withoutComments(readFileSync(file, 'utf8'));
  const to = new Set();
  for (const pattern of [STATEMENT, SIDE_EFFECT, CALL]) {
    for (const match of text.matchAll(pattern)) {
      const path = target(file, match[2]);
      if (path && path !== file) to.add(path);
    }
  }
  edges.set(file, [...to]);
}

// Tarjan's strongly connected components: each component of more than one file holds a cycle.
let index = 0;
const indexOf = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(file) {
  indexOf.set(file, index);
  low.set(file, index++);
  stack.push(file);
  onStack.add(file);
  for (const next of edges.get(file) ?? []) {
    if (!indexOf.has(next)) {
      connect(next);
      low.set(file, Math.min(low.get(file), low.get(next)));
    } else if (onStack.has(next)) low.set(file, Math.min(low.get(file), indexOf.get(next)));
  }
  if (low.get(file) === indexOf.get(file)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1) components.push(component);
  }
}
for (const file of files) if (!indexOf.has(file)) connect(file);

/** One shortest cycle through `start` inside `component`, as paths from the repository root. */
function cycleThrough(start, component) {
  const inside = new Set(component);
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of edges.get(file) ?? []) {
      if (next === start) {
        const path = [file];
        for (let at = previous.get(file); at !== undefined; at = previous.get(at)) path.unshift(at);
        return [...path, start].map((path) => relative(ROOT, path));
      }
      if (inside.has(next) && !previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [relative(ROOT, start)];
}

for (const component of components) {
  const files = component.map((file) => relative(ROOT, file)).sort();
  console.log(`cycle (${files.length} files): ${cycleThrough(resolve(ROOT, files[0]), component).join(' -> ')}`);
  if (files.length > 2) console.log(`  all of: ${files.join(', ')}`);
}
if (components.length > 0) {
  console.log(`${components.length} import cycle${components.length > 1 ? 's' : ''}: move what both sides need into a file of its own`);
  process.exit(1);
}
console.log(`no import cycles among ${files.length} files`);
