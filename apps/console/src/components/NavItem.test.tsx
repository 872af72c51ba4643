import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { NavItem } from './Layout';

function navAt(path: string) {
  render(
    <Router hook={memoryLocation({ path }).hook}>
      <NavItem to="/">Dashboard</NavItem>
      <NavItem to="/corridors">Corridors</NavItem>
      <NavItem to="/report">Report</NavItem>
    </Router>,
  );
  return (name: string) => screen.getByRole('link', { name }).getAttribute('aria-current');
}

describe('the navigation marks the current page', () => {
  it('marks the dashboard only on /', () => {
    const current = navAt('/');
    expect([current('Dashboard'), current('Corridors'), current('Report')]).toEqual(['page', null, null]);
  });

  it('marks a section on its own path and below it, and nothing else', () => {
    const current = navAt('/corridors/0196a/report/incident');
    expect([current('Dashboard'), current('Corridors'), current('Report')]).toEqual([null, 'page', null]);
  });

  it('does not mark a section whose name only begins the path', () => {
    const current = navAt('/reports-archive');
    expect(current('Report')).toBeNull();
  });
});
