// Builds the visual editor into the application's static files: one ES module, one stylesheet and the licences
// of everything bundled in them. Run with `npm --prefix src/main/frontend run build` (after `npm ci` there).
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const statics = join(here, '..', 'resources', 'static');

const result = await build({
  entryPoints: { 'js/visual-editor': join(here, 'src', 'visual-editor.js'), 'css/visual-editor': join(here, 'src', 'visual-editor.css') },
  outdir: statics,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'info',
});

// One licence per package bundled, found through the inputs esbuild read.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!match || packages.has(match[1])) {
    continue;
  }
  const root = join(here, match[1]);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // The names a package's licence file goes by, in the order they are preferred.
  const withEndings = (name, endings) => endings.map((ending) => name + ending);
  const file = [...withEndings('LICENSE', ['', '.md', '.txt']), 'license', 'LICENCE', ...withEndings('license', ['.md'])]
    .map((name) => join(root, name))
    .find((path) => existsSync(path));
  packages.set(match[1], {
    name: manifest.name,
    version: manifest.version,
    license: manifest.license,
    text: file ? readFileSync(file, 'utf8').trim() : `${manifest.license} (no licence file in the package)`,
  });
}
const notices = [...packages.values()]
  .sort((a, b) => a.name.localeCompare(b.name))
  .map((p) => `${p.name} ${p.version} (${p.license})\n\n${p.text}\n`)
  .join('\n' + '-'.repeat(78) + '\n\n');
writeFileSync(join(statics, 'js', 'visual-editor.LICENSES.txt'),
  'The visual editor (js/visual-editor.js, css/visual-editor.css) bundles these packages under their licences.\n\n'
  + notices);
console.log(`${packages.size} packages bundled; licences in static/js/visual-editor.LICENSES.txt`);
