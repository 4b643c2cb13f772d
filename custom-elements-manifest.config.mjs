// Custom Elements Manifest (custom-elements.json), written by `npm run analyze` and at build.
// The element's class JSDoc in src/ma-cookie-consent.ts is the source of every description.
import { posix } from 'node:path';

/** Source module → the shipped file a consumer's tooling can open (src/x.ts → dist/src/x.js). */
function shipped(path) {
  const clean = posix.normalize(path.replace(/^\/+/, '')).replace(/\.ts$/, '.js');
  return clean.startsWith('src/') ? `dist/${clean}` : clean;
}

/**
 * Makes the manifest describe the published package rather than the source tree: module paths
 * point into dist/, `export type` re-exports (which do not exist at run time) are dropped, and
 * private members (implementation details, free to change) are left out.
 */
function publishedPackage() {
  const typeOnly = new Map();
  return {
    name: 'ma-published-package',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.ExportDeclaration || !node.exportClause?.elements) return;
      for (const spec of node.exportClause.elements) {
        if (!node.isTypeOnly && !spec.isTypeOnly) continue;
        const names = typeOnly.get(moduleDoc.path) ?? new Set();
        names.add(spec.name.text);
        typeOnly.set(moduleDoc.path, names);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const from = mod.path;
        const resolve = (ref) => shipped(ref.startsWith('.') ? posix.join(posix.dirname(from), ref) : ref);
        const dropped = typeOnly.get(from) ?? new Set();
        mod.path = shipped(from);
        mod.exports = (mod.exports ?? []).filter((e) => !dropped.has(e.name));
        for (const e of mod.exports) if (e.declaration?.module) e.declaration.module = resolve(e.declaration.module);
        for (const d of mod.declarations ?? []) {
          if (d.members) d.members = d.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
          for (const m of d.members ?? [])
            if (m.inheritedFrom?.module) m.inheritedFrom.module = resolve(m.inheritedFrom.module);
          if (d.superclass?.module) d.superclass.module = resolve(d.superclass.module);
        }
      }
    },
  };
}

export default {
  // The modules a consumer meets: the entry, the registration, and the elements themselves. The
  // others (store, gate, i18n…) are internal: the package's `exports` map does not expose them.
  globs: ['src/index.ts', 'src/define.ts', 'src/ma-cookie-consent.ts', 'src/ma-consent-placeholder.ts'],
  outdir: '.',
  litelement: true,
  // package.json already has "customElements"; the analyzer must not rewrite that file.
  packagejson: false,
  plugins: [publishedPackage()],
};
