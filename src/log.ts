const PREFIX = '[ma-cookie-consent]';

/** Every warning the component gives a page author goes through here, with one prefix. */
export function warn(message: string, ...details: unknown[]): void {
  console.warn(`${PREFIX} ${message}`, ...details);
}
