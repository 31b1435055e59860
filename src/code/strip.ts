// Strips TypeScript annotations from a script before it runs, keeping every line where it was.

export type Stripped = { code: string } | { error: { message: string; line?: number } };

let sucrase: Promise<typeof import('sucrase')> | undefined;

/** Loads sucrase ahead of a first run. */
export function loadStripper(): Promise<unknown> {
  sucrase ??= import('sucrase');
  return sucrase;
}

/**
 * Type annotations, interfaces and casts removed, for an engine that runs plain JavaScript.
 * sucrase does it in a few milliseconds and keeps every line in place, so error lines still
 * point at the script as written. Loaded on the first run only.
 */
export async function stripTypes(code: string): Promise<Stripped> {
  const { transform } = (await loadStripper()) as typeof import('sucrase');
  try {
    return { code: transform(code, { transforms: ['typescript'], disableESTransforms: true }).code };
  } catch (error) {
    const loc = (error as { loc?: { line: number } }).loc;
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\(\d+:\d+\)$/, '');
    return { error: { message, line: loc?.line } };
  }
}
