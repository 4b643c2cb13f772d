/**
 * Connects a Lit element to the page's consent core: the element takes ownership while it is
 * connected (if no other element has it), hears about every change, and tells the core when it
 * has rendered for the first time (the `ma-consent-ready` event follows that render).
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { core, type ConsentChange, type ConsentOwner } from './consent-core.js';

export class ConsentController implements ReactiveController {
  readonly #host: ReactiveElement & ConsentOwner;
  readonly #onChange: (change: ConsentChange) => void;
  #unsubscribe: (() => void) | null = null;
  /** This element decides for the page (a second element on the page stays inert). */
  active = false;

  constructor(host: ReactiveElement & ConsentOwner, onChange: (change: ConsentChange) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.active = core.attach(this.#host);
    if (!this.active) return;
    this.#unsubscribe = core.subscribe((change) => {
      // A change of view settings comes from the host itself.
      if (change.kind === 'view') return;
      this.#onChange(change);
      this.#host.requestUpdate();
    });
    // Even if a render fails, the page still hears that the stored choice was read.
    const rendered = () => core.rendered();
    void this.#host.updateComplete.then(rendered, rendered);
  }

  hostUpdate(): void {
    if (this.active) core.configure();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    core.detach(this.#host);
    this.active = false;
  }
}
