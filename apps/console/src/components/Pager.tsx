import { useState } from 'react';
import { useTranslation } from '../i18n';

/** Where a cursor-paginated list is: the cursors of the pages seen, so "previous" goes back without the server. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    cursor: cursors[cursors.length - 1],
    hasPrevious: cursors.length > 1,
    previous: () => setCursors(cursors.slice(0, -1)),
    next: (cursor: string) => setCursors([...cursors, cursor]),
    /** Back to the first page: the filters changed. */
    restart: () => setCursors([null]),
  };
}

export function Pager({
  pages,
  nextCursor,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" disabled={!pages.hasPrevious} onClick={pages.previous}>
        {t('common.previous')}
      </button>
      <button type="button" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
