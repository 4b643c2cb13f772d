/**
 * Reading data a page controls (a stored cookie, a configuration, a locale pack) by its own
 * properties only: a key the page names ("constructor", "__proto__", or anything a vulnerable
 * library left on a polluted `Object.prototype`) must never be read from a prototype.
 */
export const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** `object[key]` if it is the object's own property, else undefined. */
export const field = (object: object, key: string): unknown =>
  own(object, key) ? (object as Record<string, unknown>)[key] : undefined;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
