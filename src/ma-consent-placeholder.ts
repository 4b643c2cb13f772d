import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { core } from './consent-core.js';
import { categoryText, fill } from './i18n.js';
import type { ConsentView } from './ma-cookie-consent.js';
import { placeholderStyles } from './ma-cookie-consent.styles.js';
import { say } from './say.js';
import { categoryOf, gatedUrl } from './script-gate.js';

/** Iframes whose placeholder was used: focus goes to them once they load. */
export const focusOnLoad = new WeakSet<HTMLIFrameElement>();

/**
 * Shown in place of a gated iframe whose category is not granted: what is blocked, from where,
 * a button that allows that category, and a plain link to the content on its provider's site.
 * Inserted by the component immediately before the iframe (docs/api.md "Placeholders").
 *
 * @tag ma-consent-placeholder
 * @summary The placeholder of a blocked embed.
 *
 * @csspart placeholder - The placeholder's box.
 * @csspart allow - The button that allows the embed's category.
 * @csspart open - The link to the content on its provider's site.
 */
export class MaConsentPlaceholder extends LitElement {
  static override styles = placeholderStyles;

  /** The blocked iframe (set by the component; not initialised here, so that a value set before the upgrade stays). */
  frame?: HTMLIFrameElement;
  #unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // The element's language, texts and theme: followed when they change.
    this.#unsubscribe = core.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  /** What the placeholder says: its title, its text, and the link's address and host. */
  #texts(view: ConsentView, frame: HTMLIFrameElement) {
    const { t, config } = view;
    const name = categoryOf(frame);
    const category = categoryText(name, 'label', t, config);
    // The http(s) URL the gate will load, as it was first resolved; none: nothing to offer.
    const url = gatedUrl(frame);
    return {
      t,
      name,
      category,
      url,
      host: url ? new URL(url).host : '',
      title: fill(t.blockedTitle, { title: frame.title.trim() || category.text }),
      offered: !!url && !!core.owner?.categories.includes(name),
    };
  }

  readonly #allow = () => {
    const view = core.view as ConsentView | undefined;
    const frame = this.frame;
    if (!view || !frame) return;
    const { t, name, category, host, title } = this.#texts(view, frame);
    focusOnLoad.add(frame);
    core.decide({ ...core.choice(), [name]: true }, 'placeholder', {
      text: [title, fill(t.blockedText, { host, category: category.text })].join('\n'),
    });
  };

  protected override render(): TemplateResult | typeof nothing {
    const view = core.view as ConsentView | undefined;
    if (!view || !this.frame) return nothing;
    const { t, category, url, host, title, offered } = this.#texts(view, this.frame);
    return html`<div part="placeholder" class="root ${view.theme}" lang=${t.$code} dir=${t.$dir} role="group" aria-label=${title}>
      <p class="title">${say(title, t)}</p>
      <p class="text">${offered ? say(fill(t.blockedText, { host, category: category.text }), t) : say(t.notOffered, t)}</p>
      ${offered ? html`<button type="button" part="allow" class="primary" @click=${this.#allow}>${say(fill(t.allow, { category: category.text }), t)}</button>` : nothing}
      ${url ? html`<a part="open" href=${url}>${say(fill(t.openOn, { host }), t)}</a>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ma-consent-placeholder': MaConsentPlaceholder;
  }
}
