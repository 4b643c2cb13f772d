// The script-tag bundle: one minified, self-registering IIFE with lit and js-cookie inside.
// (The ESM build for bundlers is plain `tsc`, see tsconfig.build.json.)
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

export default {
  input: 'src/embed.ts',
  output: {
    file: '.tmp-head/ma-cookie-consent.min.js',
    format: 'iife',
    sourcemap: true,
  },
  plugins: [
    resolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.build.json',
      declaration: false,
      declarationMap: false,
      sourceMap: true,
      outDir: '.tmp-head',
    }),
    terser({
      module: false,
      ecma: 2021,
      compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
      format: { comments: false },
    }),
  ],
};
