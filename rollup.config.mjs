// The script-tag bundle (dist/ma-cookie-consent.min.js: one minified, self-registering IIFE with
// lit and js-cookie inside) and the locale packs (dist/locales/<code>.min.js). The ESM build for
// bundlers is plain `tsc` (tsconfig.build.json). Every byte here is paid on every page of every
// ministry site: `npm run size -- --modules` says where they come from.
import resolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const lit = /node_modules[\\/](?:lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/;

/** The TypeScript plugin names our sources from its outDir (dist/src/): one `../` too many. */
const sourcemapPathTransform = (path) => path.replace(/^\.\.\/\.\.\/(src|locales)\//, '../$1/');

const plugins = [
  resolve({ browser: true }),
  typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: 'dist' }),
  minifyHTML(),
  // Lit's hooks for the web-components polyfills and server-side rendering (which an ES2022
  // bundle never meets), and the versions it records for its development build, become
  // `(void 0)`: terser then drops the code around them.
  replace({
    include: lit,
    preventAssignment: false,
    delimiters: ['\\b[\\w$]+\\.', '\\b'],
    values: Object.fromEntries(
      ['litHtml', 'litElement', 'reactiveElement'].map((name) => [`${name}PolyfillSupport`, '(void 0)']),
    ),
  }),
  replace({
    include: lit,
    preventAssignment: false,
    delimiters: ['\\([\\w$]+\\.', '\\?\\?=\\[\\]\\)\\.push\\("[^"]*"\\)'],
    values: Object.fromEntries(
      ['litHtml', 'litElement', 'reactiveElement'].map((name) => [`${name}Versions`, '(void 0)']),
    ),
  }),
  terser({
    ecma: 2022,
    module: false,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
    // Lit's and js-cookie's license notices stay with their code (THIRD-PARTY-NOTICES.md has them in full).
    format: { comments: /@license|@preserve|^!/ },
  }),
];

export default [
  {
    input: 'src/embed.ts',
    output: {
      file: 'dist/ma-cookie-consent.min.js',
      format: 'iife',
      sourcemap: true,
      sourcemapPathTransform,
      // A second copy of this script (a CMS block and the theme both include it) stops here,
      // before its Lit runs: under Trusted Types a second 'lit-html' policy would throw. (Only a
      // copy of this script: after the ESM build, the one-tag insert must still happen.)
      intro: "const loaded = Symbol.for('ma-cookie-consent.iife'); if (window[loaded]) return; window[loaded] = true;",
    },
    plugins,
  },
  {
    input: 'src/packs/en.ts',
    output: { file: 'dist/locales/en.min.js', format: 'iife', sourcemap: true, sourcemapPathTransform },
    plugins,
  },
];
