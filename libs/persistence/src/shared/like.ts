/** A LIKE pattern matching any text that contains `text`, its own `%`, `_` and `\` taken literally (ESCAPE '\'). */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
