import { useState, type ReactNode } from 'react';

/** Narrower than this, the page is read on a phone: long sections start closed (styles.css uses the same width). */
export const PHONE_WIDTH = 600;

const isPhone = () =>
  typeof window !== 'undefined' && window.matchMedia?.(`(max-width: ${PHONE_WIDTH}px)`).matches;

/**
 * A part of a long page that folds away (native <details>): open by default, or only on wider screens with
 * `open="wide"`. Its content is rendered only while open, so a folded map or form loads nothing.
 */
export function Section({
  id,
  title,
  open = true,
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  open?: boolean | 'wide';
  testId?: string;
  children: ReactNode;
}) {
  const [isOpen, setOpen] = useState(() => (open === 'wide' ? !isPhone() : open));
  return (
    <details
      className="section"
      open={isOpen}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
      data-testid={testId}
    >
      <summary>
        <h2 id={id}>{title}</h2>
      </summary>
      {isOpen ? children : null}
    </details>
  );
}
