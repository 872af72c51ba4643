import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBrowserRouter,
  Link,
  matchRoutes,
  NavLink,
  Outlet,
  RouterProvider,
  useLocation,
  useParams,
  useRouteError,
  useSearchParams,
  type RouteObject,
} from './router';

const ROUTES: RouteObject[] = [
  { path: '/sign-in' },
  {
    path: '/',
    children: [
      { index: true },
      { path: 'corridors' },
      { path: 'corridors/new' },
      { path: 'corridors/:id' },
      { path: 'corridors/:id/report/:kind' },
      { path: '*' },
    ],
  },
];

const pathOf = (pathname: string) =>
  matchRoutes(ROUTES, pathname)?.map((m) => m.route.path ?? (m.route.index ? '(index)' : ''));

describe('the console router: which page a path shows', () => {
  it('matches the index, literal paths before parameters, and the catch-all last', () => {
    expect(pathOf('/')).toEqual(['/', '(index)']);
    expect(pathOf('/corridors')).toEqual(['/', 'corridors']);
    expect(pathOf('/corridors/new')).toEqual(['/', 'corridors/new']);
    expect(pathOf('/corridors/0196')).toEqual(['/', 'corridors/:id']);
    expect(pathOf('/corridors/0196/report/evacuation')).toEqual(['/', 'corridors/:id/report/:kind']);
    expect(pathOf('/no/such/page')).toEqual(['/', '*']);
    expect(pathOf('/sign-in')).toEqual(['/sign-in']);
  });

  it('reads the parameters, decoded', () => {
    const matches = matchRoutes(ROUTES, '/corridors/a%20b/report/incident');
    expect(matches?.at(-1)?.params).toEqual({ id: 'a b', kind: 'incident' });
  });
});

function Shell() {
  const { pathname, search } = useLocation();
  return (
    <div>
      <nav>
        <NavLink to="/" end>
          Home
        </NavLink>
        <NavLink to="/corridors">Corridors</NavLink>
      </nav>
      <p data-testid="where">{`${pathname}${search}`}</p>
      <Outlet />
    </div>
  );
}

function Corridor() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  return (
    <div>
      <h1>Corridor {id}</h1>
      <p>status: {params.get('status') ?? 'any'}</p>
      <button type="button" onClick={() => setParams({ status: 'open' })}>
        Open only
      </button>
    </div>
  );
}

function Failure() {
  const error = useRouteError() as Error;
  return <p role="alert">Failed: {error.message}</p>;
}

function start(at: string) {
  window.history.replaceState(null, '', at);
  const router = createBrowserRouter([
    {
      path: '/',
      Component: Shell,
      errorElement: <Failure />,
      children: [
        {
          index: true,
          Component: () => (
            <div>
              <h1>Home page</h1>
              <Link to="/corridors/c-1">The first corridor</Link>
            </div>
          ),
        },
        { path: 'corridors/:id', lazy: async () => ({ Component: Corridor }) },
        {
          path: 'broken',
          lazy: async () => {
            throw new Error('chunk not loaded');
          },
        },
      ],
    },
  ]);
  return render(<RouterProvider router={router} />);
}

describe('the console router in a page', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('follows a link to a lazily loaded page, and marks the current navigation link', async () => {
    start('/');
    expect(await screen.findByRole('heading', { name: 'Home page' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    await userEvent.click(screen.getByRole('link', { name: 'The first corridor' }));
    expect(await screen.findByRole('heading', { name: 'Corridor c-1' })).toBeTruthy();
    expect(window.location.pathname).toBe('/corridors/c-1');
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('link', { name: 'Corridors' }).className).toBe('active');
  });

  it('keeps filters in the address, and goes back with the browser', async () => {
    start('/corridors/c-2');
    await screen.findByRole('heading', { name: 'Corridor c-2' });
    await userEvent.click(screen.getByRole('button', { name: 'Open only' }));
    expect(screen.getByText('status: open')).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/corridors/c-2?status=open');
    await act(async () => {
      window.history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    });
    expect(await screen.findByText('status: any')).toBeTruthy();
  });

  it("shows the route's error element when a page cannot be loaded", async () => {
    start('/broken');
    expect((await screen.findByRole('alert')).textContent).toBe('Failed: chunk not loaded');
  });
});
