// Follows the host: its light or dark theme, the style variables it passes, its container's size and safe area.
import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps';

/** Applies what the host context says about looks and size; safe to call on every change. */
export function applyHostContext(context: McpUiHostContext): void {
  const root = document.documentElement;
  if (context.theme === 'light' || context.theme === 'dark') {
    root.dataset.theme = context.theme;
    root.style.colorScheme = context.theme;
  }
  for (const [name, value] of Object.entries(context.styles?.variables ?? {})) {
    // Only the extension's custom properties: a host's value never reaches anything else.
    if (name.startsWith('--') && typeof value === 'string' && value) root.style.setProperty(name, value);
  }
  // Host fonts (styles.css.fonts) are left out on purpose: they load from the network, which
  // this view's content-security policy does not allow. --font-sans still names the family.
  const dims = context.containerDimensions as
    | { height?: number; maxHeight?: number; width?: number; maxWidth?: number }
    | undefined;
  if (dims) {
    root.classList.toggle('fixed-height', typeof dims.height === 'number');
    root.style.maxHeight = typeof dims.maxHeight === 'number' ? `${dims.maxHeight}px` : '';
    root.style.maxWidth = typeof dims.maxWidth === 'number' ? `${dims.maxWidth}px` : '';
  }
  const inset = context.safeAreaInsets;
  if (inset) document.body.style.padding = `${inset.top}px ${inset.right}px ${inset.bottom}px ${inset.left}px`;
}
