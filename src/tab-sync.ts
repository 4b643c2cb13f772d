/**
 * Hears about choices made in other tabs of the same site: a BroadcastChannel message where the
 * browser has one, and a re-read of the cookie whenever the tab becomes visible or focused
 * (which also covers browsers without BroadcastChannel, and changes made by a server).
 */
export class TabSync {
  #channel: BroadcastChannel | null = null;
  readonly #onChange: (payload: string | null | undefined) => void;
  readonly #recheck = (): void => {
    if (document.visibilityState !== 'hidden') this.#onChange(undefined);
  };

  /**
   * `key` names what tabs share (cookie name, domain, path); `onChange` gets the other tab's
   * serialized record, null for a reset, or undefined on a re-check.
   */
  constructor(key: string, onChange: (payload: string | null | undefined) => void) {
    this.#onChange = onChange;
    try {
      this.#channel = new BroadcastChannel(`ma-cookie-consent:${key}`);
      this.#channel.onmessage = ({ data }: MessageEvent) =>
        onChange(typeof data === 'string' || data === null ? data : undefined);
    } catch {
      // no BroadcastChannel: the re-check below still works
    }
    // On window, not document: a named element can shadow document.addEventListener. Both
    // events bubble from the document to the window.
    addEventListener('visibilitychange', this.#recheck);
    addEventListener('focus', this.#recheck);
  }

  announce(serialized: string | null): void {
    try {
      this.#channel?.postMessage(serialized);
    } catch {
      // a closed channel only loses the fast path
    }
  }

  stop(): void {
    this.#channel?.close();
    this.#channel = null;
    removeEventListener('visibilitychange', this.#recheck);
    removeEventListener('focus', this.#recheck);
  }
}
