import type { Translation } from './types.js';
import fr from './fr.js';
import ar from './ar.js';
import en from './en.js';

export type { Translation };

/** Every bundled locale, keyed by its code. Adding a locale: one file and one line here. */
export const locales: Readonly<Record<string, Translation>> = { fr, ar, en };
