// A module or value made on first use rather than at start-up: every stdio client starts its own
// process, so every cold start pays for what the server imports before its first answer.

export interface FirstUse<T> {
  /** Makes it on the first call; every call gets the same promise. */
  (): Promise<T>;
  /** The promise when it was made already, else undefined (and nothing is made). */
  ifMade(): Promise<T> | undefined;
}

export function onFirstUse<T>(make: () => Promise<T>): FirstUse<T> {
  let made: Promise<T> | undefined;
  const use = () => {
    made ??= make();
    return made;
  };
  return Object.assign(use, { ifMade: () => made });
}
