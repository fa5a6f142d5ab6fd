// Notice bodies are plain text: control characters dropped, line breaks normalized, runs of blank lines kept short.
// Markup is never interpreted (pages render it as text), so nothing needs sanitizing beyond this.
export function cleanBody(raw: string): string {
  return raw.replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .split('\n').map((l) => l.replace(/\s+$/u, '')).join('\n')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim();
}

/** The first `max` characters, cut at a line end when one is near. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max);
  return `${text.slice(0, cut > max * 0.6 ? cut : max)}…`;
}
