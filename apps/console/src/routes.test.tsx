import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { Routes } from './routes';

// Each page stands in as its name and the parameters it was given: these tests are about which page an address shows.
const standIn = async (name: string) => (await import('./test-stand-in')).standIn(name);

vi.mock('./components/Layout', async () => ({ Layout: (await import('./test-stand-in')).StandInLayout }));
vi.mock('./pages/Dashboard', async () => ({
  Dashboard: (await import('./test-stand-in')).standIn('Dashboard'),
}));
vi.mock('./pages/SignIn', async () => ({ SignIn: (await import('./test-stand-in')).standIn('SignIn') }));
for (const name of [
  'Corridors',
  'NewCorridor',
  'CorridorPage',
  'ReportEntry',
  'Flags',
  'Subscriptions',
  'Users',
  'Audit',
  'Outbox',
  'NotFound',
])
  vi.doMock(`./pages/${name}`, async () => ({ default: await standIn(name) }));
vi.doMock('./pages/Jobs', () => Promise.reject(new Error('chunk did not arrive')));

function show(path: string) {
  const location = memoryLocation({ path, record: true });
  render(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <Routes />
    </Router>,
  );
  return location;
}

const heading = async () => (await screen.findByRole('heading', { level: 1 })).textContent;
const inLayout = () => screen.queryByTestId('layout') !== null;

describe('which page an address shows', () => {
  it.each([
    ['/', 'Dashboard {}'],
    ['/corridors', 'Corridors {}'],
    ['/corridors/new', 'NewCorridor {}'],
    ['/corridors/0196a', 'CorridorPage {"id":"0196a"}'],
    ['/corridors/0196a/report/incident', 'ReportEntry {"id":"0196a","kind":"incident"}'],
    ['/report', 'ReportEntry {}'],
    ['/subscriptions', 'Subscriptions {}'],
    ['/users', 'Users {}'],
    ['/audit', 'Audit {}'],
    ['/outbox', 'Outbox {}'],
    ['/no/such/page', 'NotFound {}'],
  ])('%s shows %s inside the layout', async (path, page) => {
    show(path);
    expect(await heading()).toBe(page);
    expect(inLayout()).toBe(true);
  });

  it('shows sign-in on its own, without the layout', async () => {
    show('/sign-in');
    expect(await heading()).toBe('SignIn {}');
    expect(inLayout()).toBe(false);
  });
});

describe('a page that fails', () => {
  it('shows the error page in the layout, and another address starts afresh', async () => {
    const location = show('/flags');
    expect((await screen.findByRole('alert')).textContent).toContain('the flags page broke');
    expect(inLayout()).toBe(true);
    act(() => location.navigate('/corridors'));
    expect(await heading()).toBe('Corridors {}');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the error page when its code cannot be loaded', async () => {
    show('/jobs');
    // Vitest wraps the import's error in its own words; the page shows the error page either way.
    expect((await screen.findByRole('alert')).textContent).toContain('This page could not be shown.');
    expect(inLayout()).toBe(true);
  });
});
