// The script-tag bundle: one minified, self-registering IIFE with lit and js-cookie inside.
// (The ESM build for bundlers is plain `tsc`, see tsconfig.build.json.)
// Every byte here is paid on every page of every ministry site: `npm run size` checks the
// budget, and `node scripts/size.mjs --modules` says where the bytes come from.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import ts from 'typescript';

const root = dirname(fileURLToPath(import.meta.url));

// ---- Lit templates ------------------------------------------------------------------------------

/**
 * Minifies the text of our own `css` and `html` tagged templates, which terser leaves as they
 * are (it cannot know what the text means). Conservative on purpose:
 *
 * - css: comments and formatting whitespace go, a space stays wherever CSS needs one (the
 *   descendant combinator before `:`, `calc()` operators, `and (` in media queries).
 * - html: a line break plus indentation next to a block element's tag (div, p, section, h2,
 *   dialog…), with no text on the other side, is formatting, and goes; any other run of
 *   whitespace becomes one space (it may show between inline elements, bindings or text).
 *   Attribute values and templates holding `<pre>` or `<textarea>` are left alone.
 *
 * Only files under src/ are touched; lit's own code is already minified.
 */
export function minifyLitTemplates({ include = /[\\/]src[\\/].*\.ts$/ } = {}) {
  return {
    name: 'minify-lit-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(?:css|html|svg)\s*`/.test(code)) return null;
      const edits = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const tag = node.tag.name;
        if (tag !== 'css' && tag !== 'html' && tag !== 'svg') return;
        const quasis = node.quasi.quasis;
        const raws = quasis.map((q) => code.slice(q.start, q.end));
        const minified = tag === 'css' ? minifyCssParts(raws) : minifyHtmlParts(raws);
        if (!minified) return;
        quasis.forEach((q, i) => {
          if (minified[i] !== raws[i]) edits.push([q.start, q.end, minified[i]]);
        });
      });
      return edits.length ? applyEdits(code, id, edits) : null;
    },
  };
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

// Private-use characters: they cannot occur in CSS that means anything.
const PLACEHOLDER = (i) => `\uE000${i}\uE000`;
const PLACEHOLDER_RE = /\uE000(\d+)\uE000/g;

/** Minifies the raw text parts of a `css` template; interpolations stay where they were. */
export function minifyCssParts(raws) {
  let text = raws.map((raw, i) => (i ? PLACEHOLDER(i - 1) : '') + raw).join('');
  // Strings and comments first, so that nothing below looks inside a string.
  const strings = [];
  text = text.replace(/\/\*[\s\S]*?\*\/|'(?:\\[\s\S]|[^'\\])*'|"(?:\\[\s\S]|[^"\\])*"/g, (match) => {
    if (match.startsWith('/*')) return ' ';
    strings.push(match);
    return `\uE001${strings.length - 1}\uE001`;
  });
  text = text.replace(/\s+/g, ' ');
  // No space is needed next to these (`:` only after: `a :hover` is not `a:hover`).
  text = text
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/: /g, ':')
    .replace(/ !important/g, '!important');
  // Selector combinators, outside parentheses only (`calc(1px + 2px)` needs its spaces).
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === ' ' && depth === 0 && (/[>+~]/.test(text[i + 1] ?? '') || /[>+~]/.test(text[i - 1] ?? ''))) continue;
    out += c;
  }
  text = out
    .replace(/;}/g, '}')
    .replace(/(^|[\s:,(/])0\.(\d)/g, '$1.$2')
    .trim()
    .replace(/\uE001(\d+)\uE001/g, (_, i) => strings[Number(i)]);
  const parts = text.split(PLACEHOLDER_RE);
  // split() with a capture group interleaves the indexes: keep the text parts.
  const result = parts.filter((_, i) => i % 2 === 0);
  return result.length === raws.length ? result : null;
}

/** Minifies the raw text parts of an `html` template; see minifyLitTemplates for the rules. */
export function minifyHtmlParts(raws) {
  if (raws.some((raw) => /<(?:pre|textarea)\b/i.test(raw))) return null;
  let inTag = false;
  let quote = '';
  return raws.map((raw, part) => {
    let out = '';
    for (let i = 0; i < raw.length;) {
      const c = raw[i];
      if (quote) {
        if (c === quote) quote = '';
        out += c;
        i++;
        continue;
      }
      if (/\s/.test(c)) {
        let j = i;
        while (j < raw.length && /\s/.test(raw[j])) j++;
        const run = raw.slice(i, j);
        if (inTag) out += ' ';
        else {
          // Neighbours: the template's ends, a binding (the edge of a part), a tag, or text.
          const before = i === 0 ? (part === 0 ? 'edge' : 'binding') : raw[i - 1] === '>' ? tagBefore(out) : 'text';
          const after =
            j === raw.length
              ? part === raws.length - 1
                ? 'edge'
                : 'binding'
              : raw[j] === '<'
                ? tagAfter(raw, j)
                : 'text';
          out += run.includes('\n') && isFormatting(before, after) ? '' : ' ';
        }
        i = j;
        continue;
      }
      if (inTag) {
        if (c === '>') inTag = false;
        else if ((c === '"' || c === "'") && /=\s*$/.test(out)) quote = c;
      } else if (c === '<' && /[A-Za-z/!]/.test(raw[i + 1] ?? '')) inTag = true;
      out += c;
      i++;
    }
    return out;
  });
}

/**
 * Elements whose box starts a new line: whitespace next to them never shows. Next to an inline
 * element (a, span, button, label, input, bdi…) or a binding, a line break could be a visible
 * space, so it stays one.
 */
const BLOCK = new Set(
  (
    'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr legend li main nav ol option p pre section summary table tbody td tfoot th ' +
    'thead tr ul style script template'
  ).split(' '),
);
const tagBefore = (out) =>
  BLOCK.has(/<\/?([a-zA-Z][\w-]*)[^<]*>$/.exec(out)?.[1]?.toLowerCase()) ? 'block' : 'inline';
const tagAfter = (raw, j) =>
  BLOCK.has(/^<\/?([a-zA-Z][\w-]*)/.exec(raw.slice(j))?.[1]?.toLowerCase()) ? 'block' : 'inline';
const isFormatting = (before, after) =>
  before !== 'text' && after !== 'text' && (before === 'block' || after === 'block');

/**
 * Applies [start, end, replacement] edits and returns the code with a source map: one segment
 * at each token of the unchanged text and one at each replacement (enough for rollup to trace
 * every output byte back to its source file).
 */
function applyEdits(code, id, edits) {
  edits.sort((a, b) => a[0] - b[0]);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const position = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, offset - lineStarts[lo]];
  };
  const lines = [[]];
  let column = 0;
  let out = '';
  const emit = (text, from) => {
    // `from`: the original offset of text[0], or null when the text is new (a replacement).
    const tokens = from === null ? [[0]] : [...text.matchAll(/[\w$]+|[^\s\w$]|\n/g)].map((m) => [m.index]);
    let t = 0;
    for (let i = 0; i < text.length; i++) {
      if (t < tokens.length && tokens[t][0] === i) {
        if (text[i] !== '\n') lines[lines.length - 1].push([column, ...position(from === null ? editStart : from + i)]);
        t++;
      }
      if (text[i] === '\n') {
        lines.push([]);
        column = 0;
        if (from !== null && i + 1 < text.length) lines[lines.length - 1].push([0, ...position(from + i + 1)]);
      } else column++;
    }
    out += text;
  };
  let editStart = 0;
  let cursor = 0;
  for (const [start, end, replacement] of edits) {
    emit(code.slice(cursor, start), cursor);
    editStart = start;
    emit(replacement, null);
    cursor = end;
  }
  emit(code.slice(cursor), cursor);
  return {
    code: out,
    map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings: encodeMappings(lines) },
  };
}

function encodeMappings(lines) {
  let previousLine = 0;
  let previousColumn = 0;
  return lines
    .map((segments) => {
      let generated = 0;
      return segments
        .map(([column, line, original]) => {
          const s = vlq(column - generated) + vlq(0) + vlq(line - previousLine) + vlq(original - previousColumn);
          generated = column;
          previousLine = line;
          previousColumn = original;
          return s;
        })
        .join(',');
    })
    .join(';');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let n = value < 0 ? (-value << 1) | 1 : value << 1;
  let s = '';
  do {
    let digit = n & 31;
    n >>>= 5;
    if (n) digit |= 32;
    s += BASE64[digit];
  } while (n);
  return s;
}

// ---- private members ----------------------------------------------------------------------------

/**
 * Lets terser shorten the names of our classes' private members (`this.childWatcher` →
 * `this.a`), which it cannot do on its own: property names may be read from outside. A name is
 * shortened only when nothing can read it by that name:
 *
 * - it is declared `private` in a class under src/, without a decorator (Lit's decorators
 *   register reactive properties by their name as a string);
 * - nowhere in our code is it a string, an object key, a destructured name, a member of an
 *   interface or type (shapes of data that crosses a boundary), or read on anything but `this`;
 * - it appears in no form at all in the bundled packages (lit, js-cookie, tslib);
 * - it is not a DOM property (terser's own list of browser names).
 *
 * Fills `mangle.properties.regex` of the terser options passed in, before terser runs.
 */
export function manglePrivateMembers(terserOptions, { include = /[\\/](?:src|locales)[\\/].*\.ts$/ } = {}) {
  const properties = ((terserOptions.mangle ??= {}).properties = { regex: /^$/ });
  const candidates = new Set();
  const excluded = new Set();
  return {
    name: 'mangle-private-members',
    buildStart() {
      candidates.clear();
      excluded.clear();
    },
    transform(code, id) {
      // The TypeScript plugin compiles in its `load` hook: read the source itself from disk.
      if (include.test(id)) collectFromTypeScript(readFileSync(id, 'utf8'), id, candidates, excluded);
      else if (/\.[cm]?js$/.test(id)) collectFromJavaScript(this.parse(code), excluded);
      return null;
    },
    renderStart() {
      const names = [...candidates].filter((name) => !excluded.has(name)).sort();
      properties.regex = names.length ? new RegExp(`^(?:${names.join('|')})$`) : /^$/;
    },
  };
}

function collectFromTypeScript(code, id, candidates, excluded) {
  const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
  const nameOf = (node) => (node && (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) ? node.text : null);
  const visit = (node) => {
    const isMember =
      ts.isPropertyDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessor(node) ||
      ts.isSetAccessor(node);
    const isParameterProperty =
      ts.isParameter(node) && ts.isConstructorDeclaration(node.parent) && node.modifiers?.length;
    if ((isMember && ts.isClassLike(node.parent)) || isParameterProperty) {
      const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
      const decorated = ts.canHaveDecorators(node) && (ts.getDecorators(node) ?? []).length > 0;
      const isPrivate = modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword);
      const name = nameOf(node.name);
      if (name && isPrivate && !decorated) candidates.add(name);
      else if (name) excluded.add(name);
    } else if (ts.isStringLiteralLike(node)) {
      excluded.add(node.text);
    } else if (ts.isPropertyAccessExpression(node) && node.expression.kind !== ts.SyntaxKind.ThisKeyword) {
      excluded.add(node.name.text);
    } else if (
      ts.isPropertyAssignment(node) ||
      ts.isShorthandPropertyAssignment(node) ||
      ts.isPropertySignature(node) ||
      ts.isMethodSignature(node) ||
      ts.isBindingElement(node) ||
      (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent))
    ) {
      const name = nameOf(node.propertyName ?? node.name);
      if (name) excluded.add(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function collectFromJavaScript(ast, excluded) {
  walk(ast, (node) => {
    if (
      (node.type === 'MemberExpression' && !node.computed) ||
      node.type === 'Property' ||
      node.type === 'MethodDefinition' ||
      node.type === 'PropertyDefinition'
    ) {
      const key = node.type === 'MemberExpression' ? node.property : node.key;
      if (key.type === 'Identifier' || key.type === 'PrivateIdentifier') excluded.add(key.name);
    }
    if (node.type === 'Literal' && typeof node.value === 'string') excluded.add(node.value);
  });
}

// ---- lit's and tslib's hooks we do not use ------------------------------------------------------

/**
 * Lit's production build still carries hooks for the web components polyfills
 * (`*PolyfillSupport`, for browsers without shadow DOM, which cannot run this ES2021 bundle
 * anyway), for server-side rendering (`litElementHydrateSupport`), and pushes its versions onto
 * `window.*Versions` (read by Lit's development build only). Each becomes `(void 0)` (with the
 * parentheses: `void 0?.(x)` would call 0), which terser then removes with the code around it.
 * A Lit release that renames them is simply not stripped (~100 B gzip more; nothing breaks).
 */
export function stripLitHooks() {
  const patterns = [
    /\b[\w$]+\.(?:reactiveElement|litHtml|litElement)PolyfillSupport\b/g,
    /\b[\w$]+\.litElementHydrateSupport\b/g,
    /\([\w$]+\.(?:reactiveElement|litHtml|litElement)Versions\s*\?\?=\s*\[\]\)\.push\("[^"]*"\)/g,
  ];
  return {
    name: 'strip-lit-hooks',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/](?:lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id)) return null;
      const edits = patterns.flatMap((pattern) =>
        [...code.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length, '(void 0)']),
      );
      return edits.length ? applyEdits(code, id, edits) : null;
    },
  };
}

/**
 * tslib's `__decorate` first tries `Reflect.decorate` (only present with the reflect-metadata
 * polyfill, which Lit's decorators do not use), and tslib leaves a `SuppressedError` check
 * behind. Every other helper still comes from tslib.
 */
export function tslibDecorate() {
  const ID = '\0tslib-decorate';
  let tslib = null;
  return {
    name: 'tslib-decorate',
    async resolveId(source, importer) {
      if (source !== 'tslib' || importer === ID) return null;
      tslib ??= (await this.resolve('tslib', importer, { skipSelf: true }))?.id ?? null;
      return tslib ? ID : null;
    },
    load(id) {
      if (id !== ID) return null;
      return `export * from ${JSON.stringify(tslib)};
export function __decorate(decorators, target, key, desc) {
  var c = arguments.length, r = c < 3 ? target : desc === null ? (desc = Object.getOwnPropertyDescriptor(target, key)) : desc, d;
  for (var i = decorators.length - 1; i >= 0; i--) if ((d = decorators[i])) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
  return c > 3 && r && Object.defineProperty(target, key, r), r;
}`;
    },
  };
}

// ---- the build ----------------------------------------------------------------------------------

export const terserOptions = {
  module: false,
  ecma: 2021,
  compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
  format: { comments: false },
};

export default {
  input: 'src/embed.ts',
  output: {
    file: 'dist/ma-cookie-consent.min.js',
    format: 'iife',
    // A second copy of this script (a CMS block and the theme both include it) stops here,
    // before its Lit runs: under Trusted Types a second 'lit-html' policy would throw. (Only a
    // copy of this script: after the ESM build, the one-tag insert must still happen.)
    intro: "const loaded = Symbol.for('ma-cookie-consent.iife'); if (window[loaded]) return; window[loaded] = true;",
    sourcemap: true,
    // tsc's maps name sources relative to dist/src/; rollup reads them relative to src/.
    sourcemapPathTransform: (path, mapFile) => {
      const absolute = resolvePath(dirname(mapFile), path);
      if (existsSync(absolute)) return path;
      const fixed = resolvePath(dirname(mapFile), path.replace(/^\.\.\//, ''));
      return existsSync(fixed) && fixed.startsWith(root) ? relative(dirname(mapFile), fixed) : path;
    },
  },
  plugins: [
    manglePrivateMembers(terserOptions),
    tslibDecorate(),
    resolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.build.json',
      declaration: false,
      declarationMap: false,
      sourceMap: true,
      outDir: 'dist',
    }),
    minifyLitTemplates(),
    stripLitHooks(),
    terser(terserOptions),
  ],
};
