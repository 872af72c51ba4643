import type { QueryRunner } from 'typeorm';

/**
 * Gives every place stored before names and aliases its `search_text`: its name, folded in JS as
 * libs/locations' foldForSearch does (SQLite's LOWER knows only ASCII). A copy, not an import: a migration must
 * keep doing what it did when it was written.
 */
export async function backfillPlaceSearchText(
  queryRunner: QueryRunner,
  placeholder: '?' | '$',
): Promise<void> {
  const [text, id] = placeholder === '?' ? ['?', '?'] : ['$1', '$2'];
  const places = (await queryRunner.query('SELECT id, name FROM location')) as { id: string; name: string }[];
  for (const place of places) {
    await queryRunner.query(`UPDATE location SET search_text = ${text} WHERE id = ${id}`, [
      place.name.normalize('NFC').toLowerCase(),
      place.id,
    ]);
  }
}
