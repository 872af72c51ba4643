import type { ReactNode } from 'react';
import { useParams } from 'wouter';

/** For routing tests: a page that shows its name and the parameters it was given (the Flags page fails to render). */
export function standIn(name: string) {
  return function StandIn() {
    // The named parameters only: wouter also passes positional ones and the layout route's `*`.
    const params = Object.fromEntries(Object.entries(useParams()).filter(([key]) => /^[a-z]/i.test(key)));
    if (name === 'Flags') throw new Error('the flags page broke');
    return <h1>{`${name} ${JSON.stringify(params)}`}</h1>;
  };
}

export function StandInLayout({ children }: { children: ReactNode }) {
  return <div data-testid="layout">{children}</div>;
}
