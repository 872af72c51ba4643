import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './DataTable';

interface Party {
  id: string;
  name: string;
  confirmed: number;
}

const ROWS: Party[] = [
  { id: 'p1', name: 'Ukraine', confirmed: 12 },
  { id: 'p2', name: 'ICRC', confirmed: 3 },
  { id: 'p3', name: 'Russia', confirmed: 40 },
];

const COLUMNS: Column<Party>[] = [
  { accessorKey: 'name', header: 'Party', sortingFn: 'text' },
  {
    accessorKey: 'confirmed',
    header: 'Confirmed',
    sortingFn: 'basic',
    cell: (info) => <b>{String(info.getValue())}</b>,
  },
];

const column = (index: number) =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[index].textContent);

describe('DataTable', () => {
  it("names each value's column on the value itself, for the cards a phone shows instead of a table", () => {
    render(<DataTable columns={COLUMNS} rows={ROWS} rowId={(p) => p.id} testId="parties" />);
    const cells = screen.getByTestId('parties').querySelectorAll('tbody tr:first-child td');
    expect([...cells].map((cell) => [cell.getAttribute('data-label'), cell.textContent])).toEqual([
      ['Party', 'Ukraine'],
      ['Confirmed', '12'],
    ]);
  });

  it('shows the rows in the order given, each cell through its renderer', () => {
    render(<DataTable columns={COLUMNS} rows={ROWS} rowId={(p) => p.id} testId="parties" />);
    expect(column(0)).toEqual(['Ukraine', 'ICRC', 'Russia']);
    expect(screen.getByTestId('parties').querySelectorAll('tbody b')).toHaveLength(3);
  });

  it('sorts by a header, one way then the other, and says so with aria-sort', async () => {
    render(<DataTable columns={COLUMNS} rows={ROWS} rowId={(p) => p.id} />);
    const header = () => screen.getByRole('columnheader', { name: /Confirmed/ });
    expect(header().getAttribute('aria-sort')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Confirmed/ }));
    const first = column(1);
    await userEvent.click(screen.getByRole('button', { name: /Confirmed/ }));
    expect([first, column(1)]).toEqual(
      header().getAttribute('aria-sort') === 'ascending'
        ? [
            ['40', '12', '3'],
            ['3', '12', '40'],
          ]
        : [
            ['3', '12', '40'],
            ['40', '12', '3'],
          ],
    );
    await userEvent.click(screen.getByRole('button', { name: /Party/ }));
    expect(column(0)).toEqual(expect.arrayContaining(['ICRC', 'Russia', 'Ukraine']));
    expect(screen.getByRole('columnheader', { name: /Party/ }).getAttribute('aria-sort')).toMatch(
      /ascending|descending/,
    );
  });

  it('does not offer sorting on one page of a server-ordered list', () => {
    render(<DataTable columns={COLUMNS} rows={ROWS} rowId={(p) => p.id} serverOrdered />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(column(0)).toEqual(['Ukraine', 'ICRC', 'Russia']);
  });
});
