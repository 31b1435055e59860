// Strips TypeScript annotations from a script before it runs, keeping every line where it was.
import { onFirstUse } from '../lazy.js';

export type Stripped = { code: string } | { error: { message: string; line?: number } };

/** Loads sucrase ahead of a first run. */
export const loadStripper = onFirstUse(() => import('sucrase'));

/**
 * Type annotations, interfaces and casts removed, for an engine that runs plain JavaScript.
 * sucrase does it in a few milliseconds and keeps every line in place, so error lines still
 * point at the script as written. Loaded on the first run only.
 */
export async function stripTypes(code: string): Promise<Stripped> {
  const { transform } = await loadStripper();
  try {
    return { code: transform(code, { transforms: ['typescript'], disableESTransforms: true }).code };
  } catch (error) {
    const loc = (error as { loc?: { line: number } }).loc;
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\(\d+:\d+\)$/, '');
    return { error: { message, line: loc?.line } };
  }
}
