import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExportLinks } from './ExportLinks';

describe('ExportLinks', () => {
  it('offers every export of what the page shows, with its filter and nothing empty', () => {
    render(<ExportLinks filter={{ status: 'completed', q: 'Azovstal', partyId: undefined, from: '' }} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/api/v1/exports/corridors.csv?status=completed&q=Azovstal',
      '/api/v1/exports/windows.csv?status=completed&q=Azovstal',
      '/api/v1/exports/claims.csv?status=completed&q=Azovstal',
      '/api/v1/exports/flags.csv?status=completed&q=Azovstal',
      '/api/v1/exports/corridors.geojson?status=completed&q=Azovstal',
    ]);
    for (const link of links) expect(link.hasAttribute('download')).toBe(true);
  });

  it('exports one corridor from its page', () => {
    render(<ExportLinks filter={{ corridorId: 'c-1' }} />);
    expect(screen.getAllByRole('link')[0].getAttribute('href')).toBe(
      '/api/v1/exports/corridors.csv?corridorId=c-1',
    );
  });
});
