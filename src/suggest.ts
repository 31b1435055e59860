// "Did you mean ...?" for a mistyped name (a tool, a toolset), so a typo costs one glance.

/** Edit distance with transpositions (optimal string alignment), case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + cost);
      rows[i]![j] = d;
    }
  }
  return rows[s.length]![t.length]!;
}

/** The known names nearest to `name`, when near enough to be a typo of it (ties all returned). */
export function nearestNames(name: string, known: readonly string[]): string[] {
  const allowed = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
  let best = allowed + 1;
  let found: string[] = [];
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < best) [best, found] = [d, [candidate]];
    else if (d === best) found.push(candidate);
  }
  return found;
}

/**
 * "unknown toolset contcts; did you mean contacts?": the names not known, each with its nearest
 * known names where there are some.
 */
export function unknownNamesText(kind: string, names: string[], known: readonly string[]): string {
  const guesses = names.flatMap((name) => {
    const near = nearestNames(name, known);
    if (!near.length) return [];
    return [names.length > 1 ? `${near.join(' or ')} (for ${name})` : near.join(' or ')];
  });
  return `unknown ${kind}${names.length > 1 ? 's' : ''} ${names.join(', ')}${guesses.length ? `; did you mean ${guesses.join(', ')}?` : ''}`;
}
