// Reads a SKILL.md's frontmatter: the YAML subset skills use (string keys and values, one
// nested map such as metadata), bounded, with errors that name the line.

export type Frontmatter = Record<string, string | Record<string, string>>;

const MAX_FRONTMATTER = 8 * 1024;
const KEY_VALUE = /^([A-Za-z][\w-]*):(?:[ \t]+(.*))?$/;

function scalar(raw: string, line: number): string {
  const value = raw.trim();
  if (value.startsWith('"') || value.startsWith("'")) {
    const quote = value[0]!;
    if (value.length < 2 || !value.endsWith(quote)) throw new Error(`frontmatter line ${line}: unclosed quote`);
    const inner = value.slice(1, -1);
    return quote === '"' ? (JSON.parse(`"${inner}"`) as string) : inner.replaceAll("''", "'");
  }
  return value;
}

/** The frontmatter of a SKILL.md and where its body starts; throws naming the line that is wrong. */
export function parseFrontmatter(text: string): { frontmatter: Frontmatter; body: string } {
  if (!text.startsWith('---\n')) throw new Error('SKILL.md must begin with a "---" line');
  const end = text.indexOf('\n---\n', 3);
  if (end < 0) throw new Error('SKILL.md frontmatter has no closing "---" line');
  if (end > MAX_FRONTMATTER) throw new Error(`SKILL.md frontmatter is over ${MAX_FRONTMATTER} bytes`);
  const frontmatter: Frontmatter = {};
  let nested: Record<string, string> | undefined;
  const lines = text.slice(4, end).split('\n');
  lines.forEach((line, i) => {
    const no = i + 2;
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const indented = /^\s/.test(line);
    const match = KEY_VALUE.exec(line.trim());
    if (!match) throw new Error(`frontmatter line ${no}: expected "key: value"`);
    const [, key, value] = match as unknown as [string, string, string | undefined];
    if (indented) {
      if (!nested) throw new Error(`frontmatter line ${no}: indented key outside a map`);
      nested[key] = scalar(value ?? '', no);
      return;
    }
    if (value === undefined || !value.trim()) {
      nested = {};
      frontmatter[key] = nested;
    } else {
      nested = undefined;
      frontmatter[key] = scalar(value, no);
    }
  });
  return { frontmatter, body: text.slice(end + 5) };
}
