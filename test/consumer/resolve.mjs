// Run by scripts/check-consumer.mjs inside the fresh project: how Node resolves each specifier
// given on the command line through the package's `exports`, with `import` and with `require`.
// Prints one JSON object: { specifier: { import, require } }, each a file path or { error }.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const attempt = (resolve) => {
  try {
    return resolve();
  } catch (error) {
    return { error: error.code ?? error.message };
  }
};

const result = {};
for (const specifier of process.argv.slice(2)) {
  result[specifier] = {
    import: attempt(() => fileURLToPath(import.meta.resolve(specifier))),
    require: attempt(() => require.resolve(specifier)),
  };
}
console.log(JSON.stringify(result));
