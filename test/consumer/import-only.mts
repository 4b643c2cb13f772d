// A bundler user's whole integration: the bare import registers <ma-cookie-consent>.
// Bundled by scripts/check-consumer.mjs, in a fresh project, from the packed tarball.
import 'ma-cookie-consent';
