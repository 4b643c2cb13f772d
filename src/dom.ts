/**
 * The few document members the promises depend on, read from `Document.prototype` rather than
 * from `document`: a named element in injected markup (`<img name="cookie">`,
 * `<img name="currentScript">`, `<form name="readyState">`) shadows the document's own
 * property of that name, and must never be able to lie to the gate or the store.
 */
function getter<T>(name: string, live = false): () => T | undefined {
  let get = Object.getOwnPropertyDescriptor(Document.prototype, name)?.get;
  return () => {
    // The cookie is read through the prototype as it is now: a privacy extension (or a test)
    // may wrap it there. The others are read often, while the page is parsed: found once.
    if (live) get = Object.getOwnPropertyDescriptor(Document.prototype, name)?.get;
    try {
      return get?.call(document) as T | undefined;
    } catch {
      // document.cookie throws in sandboxed frames without allow-same-origin
      return undefined;
    }
  };
}

const cookie = getter<string>('cookie', true);
const readyState = getter<DocumentReadyState>('readyState');
const documentElement = getter<HTMLElement>('documentElement');
const body = getter<HTMLElement | null>('body');
export const currentScript = getter<HTMLScriptElement | null>('currentScript');

/** The page's cookies as one string, or '' where they cannot be read. */
export const pageCookies = (): string => {
  const value = cookie();
  return typeof value === 'string' ? value : '';
};

export const parsing = (): boolean => readyState() === 'loading';
export const root = (): HTMLElement => documentElement()!;
export const pageBody = (): HTMLElement | null => body() ?? null;

/** Elements of the page matching `selector` (from the root element, which no name can shadow). */
export const all = <E extends Element = Element>(selector: string): E[] =>
  Array.from(root().querySelectorAll<E>(selector));

/** A new element, made by the document's own method (`<img name="createElement">` cannot hide it). */
export const create = <K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] =>
  Document.prototype.createElement.call(document, tag) as HTMLElementTagNameMap[K];
