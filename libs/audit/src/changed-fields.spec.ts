import { describe, expect, it } from '@jest/globals';
import { changedFields } from './changed-fields.js';

describe(changedFields.name, () => {
  it('keeps only the fields an edit changed, before and after', () => {
    expect(
      changedFields(
        {
          name: 'Mariupol – Zaporizhzhia',
          timezone: 'Europe/Kyiv',
          announcedAt: new Date('2022-05-05T08:00:00Z'),
        },
        { name: 'Mariupol – Zaporizhzhia (Azovstal)', timezone: 'Europe/Kyiv', sourceUrl: undefined },
      ),
    ).toEqual({
      before: { name: 'Mariupol – Zaporizhzhia' },
      after: { name: 'Mariupol – Zaporizhzhia (Azovstal)' },
    });
  });

  it('writes instants as ISO strings and compares lists by their content', () => {
    expect(
      changedFields(
        { announcedAt: new Date('2022-05-05T08:00:00Z'), requiredConfirmationIds: ['a', 'b'] },
        { announcedAt: new Date('2022-05-05T09:00:00Z'), requiredConfirmationIds: ['a', 'b'] },
      ),
    ).toEqual({
      before: { announcedAt: '2022-05-05T08:00:00.000Z' },
      after: { announcedAt: '2022-05-05T09:00:00.000Z' },
    });
  });

  it('says null when an edit changed nothing', () => {
    expect(changedFields({ role: 'viewer' }, { role: 'viewer' })).toBeNull();
  });
});
