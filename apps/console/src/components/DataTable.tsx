import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
} from '@tanstack/react-table';
import { useTranslation } from '../i18n';

export type Column<Row extends RowData> = ColumnDef<Row, unknown>;

interface DataTableProps<Row extends RowData> {
  columns: Column<Row>[];
  rows: Row[];
  rowId: (row: Row) => string;
  /** A page of a longer, server-ordered list: sorting one page would mislead, so the headers do not sort. */
  serverOrdered?: boolean;
  label?: string;
  testId?: string;
}

/**
 * A table of records (TanStack Table). A header sorts by its column when clicked, and says so to a screen reader
 * (`aria-sort`). Under 600 px each row is a card, every value under its column's name (styles.css), so a phone
 * never scrolls sideways.
 */
export function DataTable<Row extends RowData>({
  columns,
  rows,
  rowId,
  serverOrdered,
  label,
  testId,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table hands out fresh functions by design; this component is not memoized.
  const table = useReactTable({
    columns,
    data: rows,
    getRowId: (row) => rowId(row),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    enableSorting: !serverOrdered,
  });
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="as-cards" data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const title = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={header.column.getToggleSortingHandler()}
                        title={t('common.sort')}
                      >
                        {title}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      title
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => {
                const { header } = cell.column.columnDef;
                return (
                  <td key={cell.id} data-label={typeof header === 'string' ? header : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
