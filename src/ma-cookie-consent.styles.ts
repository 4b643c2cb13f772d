import { css } from 'lit';

/*
 * Logical properties only (inline/block, start/end): the same rules lay out French left to
 * right and Arabic right to left. Site tokens (--ma-consent-*) are read with fallbacks and never
 * declared here, so a site can set them on :root; the placeholders read them from their own
 * place in the page.
 */

/** Palette, type and the controls shared by the banner, the dialog and the placeholders. */
const base = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    --_bg: #f4f5f3;
    --_fg: #1d1e1c;
    --_muted: #5d5f5a;
    --_accent: #0a5c36;
    --_accent-fg: #fff;
    --_focus: #1d1e1c;
    font-family: var(
      --ma-consent-font,
      system-ui,
      'Segoe UI',
      Tahoma,
      'Geeza Pro',
      'SF Arabic',
      'Noto Sans Arabic',
      'Noto Naskh Arabic',
      'DejaVu Sans',
      Arial,
      sans-serif
    );
    font-size: 1rem;
    line-height: 1.5;
    color: var(--ma-consent-fg, var(--_fg));
    text-align: start;
  }
  /* The dark palette, chosen by theme="dark" or by a dark system with theme="auto". (CSS has no
     mixin: the two blocks must stay identical, which a11y-media.test.ts checks by contrast.) */
  .dark { --_bg: #1c1d1c; --_fg: #f2f2f0; --_muted: #a9aaa6; --_accent: #8fd6ad; --_accent-fg: #0b0c0b; --_focus: #ffdd57; }
  @media (prefers-color-scheme: dark) {
    .auto { --_bg: #1c1d1c; --_fg: #f2f2f0; --_muted: #a9aaa6; --_accent: #8fd6ad; --_accent-fg: #0b0c0b; --_focus: #ffdd57; }
  }
  /* Arabic is a tall script: more room between lines, never a smaller size. */
  [dir='rtl'] {
    line-height: 1.75;
  }
  /* A short isolated Latin run without spaces ("E-ARTISANAT", "09-08") is not broken at its
     hyphen. Inline, it keeps a link's underline and stays with its guillemets. */
  .nw {
    white-space: nowrap;
  }
  p {
    margin: 0 0 0.75rem;
    max-inline-size: 75ch;
  }
  a,
  .link {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  button {
    box-sizing: border-box;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--ma-consent-fg, var(--_fg));
    border-radius: var(--ma-consent-radius, 4px);
    background: transparent;
    color: var(--ma-consent-fg, var(--_fg));
    font: inherit;
    font-weight: 700;
    cursor: pointer;
    transition:
      background-color 0.15s ease,
      color 0.15s ease;
  }
  /* Accept and refuse share this one style: refusing is exactly as easy as accepting. */
  .primary {
    border-color: var(--ma-consent-accent, var(--_accent));
    background: var(--ma-consent-accent, var(--_accent));
    color: var(--ma-consent-accent-contrast, var(--_accent-fg));
  }
  .primary:hover {
    text-decoration: underline;
  }
  .secondary:hover {
    background: var(--ma-consent-fg, var(--_fg));
    color: var(--ma-consent-bg, var(--_bg));
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** The first layer, the confirmation and the manage button: what a page load needs. */
export const styles = [
  base,
  css`
    .banner {
      background: var(--ma-consent-bg, var(--_bg));
      color: var(--ma-consent-fg, var(--_fg));
      border-block-end: 2px solid var(--_muted);
    }
    /* position="bottom": docked, but never taller than 40% of the viewport (it scrolls). */
    .docked {
      box-sizing: border-box;
      position: fixed;
      inset-inline: 0;
      inset-block-end: 0;
      z-index: var(--ma-consent-z-index, 2147483000);
      max-block-size: 40vh;
      overflow-y: auto;
      /* Firefox scrolls a focused control only until it shows a little: ask for all of it. */
      scroll-padding-block: 0.75rem;
      border-block-start: 2px solid var(--_muted);
      border-block-end: 0;
      box-shadow: 0 -4px 16px rgb(0 0 0 / 0.25);
    }
    .inner {
      box-sizing: border-box;
      max-inline-size: 72rem;
      margin-inline: auto;
      padding: 0.75rem 1.25rem 1rem;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0 1rem;
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.25rem;
      line-height: inherit;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    /* Accept and refuse: two columns of one width, the wider label's, so that they are the same
       size in every language (refusing is exactly as easy as accepting). */
    .pair {
      display: inline-grid;
      grid-auto-flow: column;
      grid-auto-columns: 1fr;
      gap: 0.75rem;
    }
    .link {
      padding-inline: 0.5rem;
      border-color: transparent;
      font-weight: 400;
    }
    /* The switch's text lines up with the text around it; its padding stays part of the target. */
    .language {
      margin-inline: calc(-0.5rem - 2px);
    }
    /* GOV.UK pattern: the confirmation takes focus so it is read, but it is not a control. */
    .confirmation:focus {
      outline: none;
    }

    .manage {
      position: fixed;
      inset-block-end: 1rem;
      inset-inline-start: 1rem;
      z-index: var(--ma-consent-z-index, 2147483000);
      background: var(--ma-consent-bg, var(--_bg));
      font-size: 0.875rem;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
    }
    /* The manage button floats over the site's own page, whose colours are unknown: its focus
       ring sits on a halo of the component's background, so it shows on any page (C40). */
    .manage:focus-visible {
      box-shadow:
        0 0 0 7px var(--ma-consent-bg, var(--_bg)),
        0 2px 8px rgb(0 0 0 / 0.3);
    }

    /*
     * Docked, the decision buttons stay in sight while the notice scrolls behind them, so nobody
     * has to discover that the banner scrolls to find "refuse". Only where the viewport leaves
     * room for the text too (not at 400 % zoom, where everything simply scrolls). The scroll
     * padding keeps a focused link from hiding under the buttons (2.4.11).
     */
    @media (min-height: 30rem) {
      .docked {
        scroll-padding-block-end: 5.5rem;
      }
      .docked .inner {
        padding-block-end: 0;
      }
      .docked .actions {
        position: sticky;
        inset-block-end: 0;
        padding-block: 0.75rem 1rem;
        border-block-start: 1px solid var(--_muted);
        background: var(--ma-consent-bg, var(--_bg));
      }
    }
    /*
     * Narrow: every button takes a row of its own, except accept and refuse in the banner, which
     * share one row in equal halves (side by side and the same size: refusing is as easy as
     * accepting), so that on a phone all three are on the first screen.
     */
    @media (max-width: 30rem) {
      .inner {
        padding-inline: 1rem;
      }
      .actions > * {
        flex: 1 1 100%;
      }
      .pair {
        display: grid;
      }
      .banner .primary {
        padding-inline: 0.5rem;
      }
      /* In the dialog, the buttons' labels are longer: one a row. */
      dialog .pair {
        grid-auto-flow: row;
      }
      .docked {
        scroll-padding-block-end: 9rem;
      }
      /* The language switch stays beside the title (a row less on a phone). Docked, the box is
         at most 40 % of the screen: the title and the buttons' band take less room too, so the
         text keeps some. */
      .banner .head {
        flex-wrap: nowrap;
      }
      .banner .head > :not(h2) {
        flex: none;
      }
      .docked h2 {
        font-size: 1.0625rem;
      }
      .docked .actions {
        padding-block: 0.5rem 0.75rem;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      * {
        transition: none !important;
      }
    }
  `,
];

/**
 * The preferences dialog: its stylesheet is parsed the first time the dialog opens (most
 * visitors never open it), not on every page load.
 */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(42rem, calc(100vw - 1rem));
    max-block-size: calc(100dvh - 1rem);
    padding: 1.25rem;
    border: 2px solid var(--_muted);
    border-radius: var(--ma-consent-radius, 4px);
    background: var(--ma-consent-bg, var(--_bg));
    color: var(--ma-consent-fg, var(--_fg));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1.0625rem;
  }
  .small {
    font-size: 0.9375rem;
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--ma-consent-accent, var(--_accent));
  }
  fieldset {
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 700;
  }
  .category {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1rem;
    padding-block: 0.75rem;
    border-block-start: 1px solid var(--_muted);
  }
  .category label {
    font-weight: 700;
  }
  .category p {
    margin: 0.25rem 0 0;
  }

  .switch {
    position: relative;
    display: inline-flex;
    flex: none;
    align-items: center;
    gap: 0.5rem;
  }
  .switch input {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 3rem;
    block-size: 1.75rem;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .switch input:disabled {
    cursor: not-allowed;
  }
  /* Always on: shown as a switch that cannot be moved. */
  input:disabled + .track {
    opacity: 0.75;
  }
  .track {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    inline-size: 3rem;
    block-size: 1.75rem;
    padding: 2px;
    border: 2px solid var(--_muted);
    border-radius: 1rem;
  }
  .track::before {
    content: '';
    inline-size: 1.125rem;
    block-size: 1.125rem;
    border-radius: 50%;
    background: var(--_muted);
  }
  input:checked + .track {
    justify-content: flex-end;
    border-color: var(--ma-consent-accent, var(--_accent));
    background: var(--ma-consent-accent, var(--_accent));
  }
  input:checked + .track::before {
    background: var(--ma-consent-accent-contrast, var(--_accent-fg));
  }
  input:focus-visible + .track {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .state {
    min-inline-size: 4.5rem;
    font-size: 0.875rem;
  }

  @media (max-width: 30rem) {
    .category {
      flex-direction: column;
    }
  }

  @media (forced-colors: active) {
    .track,
    dialog {
      border-color: ButtonText;
    }
    .track,
    .track::before {
      forced-color-adjust: none;
      background: Canvas;
    }
    .track::before {
      background: ButtonText;
    }
    input:checked + .track {
      border-color: Highlight;
      background: Highlight;
    }
    input:checked + .track::before {
      background: HighlightText;
    }
    input:focus-visible + .track {
      outline-color: Highlight;
    }
  }
`;

/**
 * The placeholder of a blocked embed. Its size (the iframe's) is set on the host by the
 * component; the content scrolls inside rather than overflowing a small box.
 */
export const placeholderStyles = [
  base,
  css`
    /* The iframe's width is set on the host and its aspect ratio in --_ratio by the component:
       the box is the iframe's, so nothing moves when the content loads, also on a page painted
       before the component started. Where the texts need more room than a small box has, what
       does not fit scrolls inside it. */
    :host {
      box-sizing: border-box;
      max-inline-size: 100%;
      container-type: inline-size;
    }
    .root {
      position: relative;
      box-sizing: border-box;
      aspect-ratio: var(--_ratio, 16 / 9);
      overflow: auto;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      justify-content: safe center;
      gap: 0.5rem;
      padding: 0.75rem 1rem;
      border: 2px dashed var(--_muted);
      border-radius: var(--ma-consent-radius, 4px);
      background: var(--ma-consent-bg, var(--_bg));
    }
    /* In a small box, each keeps its own height and the box scrolls (nothing is squeezed). */
    .root > * {
      flex: none;
    }
    p {
      margin: 0;
    }
    .title {
      font-weight: 700;
    }
    .text {
      font-size: 0.875rem;
    }
    a {
      display: inline-block;
      padding-block: 0.25rem;
    }
    /* A small box (a phone's column): the title, the button and the link fit in it; the text,
       which the title and the button's label already say in short, is still read out. */
    @container (max-width: 22rem) {
      .root {
        padding: 0.5rem 0.75rem;
        font-size: 0.875rem;
      }
      .text {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    }
  `,
];
