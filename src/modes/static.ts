// Static mode (the default): every selected operation listed as its own tool.
import { notOffered } from './dynamic.js';
import type { ModeOptions, ToolMode } from './index.js';

export function staticMode(options: ModeOptions): ToolMode {
  const byName = new Map(options.entries.map((e) => [e.name, e]));
  return {
    list: () => options.listed,
    call({ name, args, run }) {
      const entry = byName.get(name);
      if (!entry) return Promise.resolve(notOffered(name, options.whyUnavailable));
      return run(entry, args);
    },
  };
}
