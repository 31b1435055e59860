// What a Brevo key looks like: one check for the operator's keys (BREVO_API_KEY, BREVO_MA_KEY)
// at start-up and for a client's own key (X-Brevo-Api-Key) when it opens a session. A value that
// cannot be a key is refused before it is sent to Brevo or used to redact anything.

/** Fewer characters than any Brevo key has (API keys have ~90, tracker keys 24). */
export const MIN_KEY_LENGTH = 16;
const MAX_KEY_LENGTH = 512;
/** Brevo keys are letters, digits and hyphens; `_` and `.` are allowed for what may come. */
const KEY_CHARACTER = /^[A-Za-z0-9._-]$/;

const NAMED: Record<string, string> = {
  '\r': 'a carriage return (\\r)',
  '\n': 'a line feed (\\n)',
  '\t': 'a tab',
  ' ': 'a space',
};

/** Why a value cannot be a Brevo key, or undefined when it can. Never quotes the value. */
export function keyProblem(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (KEY_CHARACTER.test(char)) continue;
    const where = i === 0 ? 'at the start' : i === value.length - 1 ? 'at the end' : `at character ${i + 1}`;
    const code = char.codePointAt(0)!;
    if (NAMED[char]) return `it has ${NAMED[char]} ${where}`;
    if (/\s/u.test(char)) return `it has whitespace ${where}`;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) return `it has a control character ${where}`;
    return (
      `it has a character a Brevo key never has (${code < 0x7f ? JSON.stringify(char) : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`}) ` +
      `${where}`
    );
  }
  if (value.length < MIN_KEY_LENGTH)
    return `it is ${value.length} characters long, and a Brevo key has at least ${MIN_KEY_LENGTH}`;
  if (value.length > MAX_KEY_LENGTH) return `it is ${value.length} characters long, more than any Brevo key`;
  return undefined;
}
