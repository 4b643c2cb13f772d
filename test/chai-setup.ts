/**
 * Loaded before every test file. A failed assertion whose actual or expected value is a DOM
 * node makes the test runner stall until its time-out (it cannot serialise the node), so a
 * plain failure looked like a hang: nodes are replaced by their markup in the error.
 *
 * The chai that @open-wc/testing re-exports, imported directly: importing @open-wc/testing
 * here, before the test framework is loaded, would skip its fixture clean-up after each test.
 */
import { Assertion } from '@esm-bundle/chai';

const prototype = Assertion.prototype as unknown as { assert: (...args: unknown[]) => void };
const assert = prototype.assert;
prototype.assert = function (this: unknown, ...args: unknown[]) {
  try {
    assert.apply(this, args);
  } catch (error) {
    const fields = error as Record<string, unknown>;
    for (const key of ['actual', 'expected']) {
      const value = fields[key];
      if (value instanceof Node) fields[key] = value instanceof Element ? value.outerHTML.slice(0, 300) : String(value);
    }
    throw error;
  }
};
