// Small DOM builders shared by the views: elements, headline figures, notices and the live status line.

type Child = Node | string | number | null | undefined | false;

/** An element with attributes (on* are listeners) and children; text is always set as text, never parsed. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, unknown> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function')
      el.addEventListener(name.slice(2), value as EventListener);
    else if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
  return el;
}

let uid = 0;
export const uniqueId = (prefix: string) => `${prefix}-${++uid}`;

export interface Tile {
  label: string;
  value: string;
  /** A second line: a rate, a comparison. */
  detail?: string;
}

/** Headline figures as a description list, so each number is read with its label. */
export function tiles(items: Tile[]): HTMLElement {
  return h(
    'dl',
    { class: 'tiles' },
    ...items.map((t) =>
      h(
        'div',
        { class: 'tile' },
        h('dt', {}, t.label),
        h(
          'dd',
          {},
          h('span', { class: 'tile-value' }, t.value),
          t.detail ? h('span', { class: 'tile-detail' }, t.detail) : null,
        ),
      ),
    ),
  );
}

export function notice(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : undefined }, text);
}

/** The polite live region views use to say what is loading and what arrived. */
export function status(): { element: HTMLElement; say(text: string): void } {
  const element = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  return {
    element,
    say: (text) => {
      element.textContent = text;
    },
  };
}

/** An error's message, for a sentence. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** After a redraw, keyboard and screen-reader users land on the new content, not on a vanished button. */
export function focusHeading(root: HTMLElement): void {
  const heading = root.querySelector('h1');
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}
