// What `npm start` prints once the API and worker run. Node built-ins only.

/** Lines in a box drawn with box-drawing characters. */
export function box(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join('\n');
}

/**
 * The banner: where to go and how to sign in. A password the operator passed in the environment is never printed
 * (terminals are scrolled back, recorded and shared); one that start generated is, with the file that keeps it.
 */
export function startBanner({ localUrl, admin, credentialsFile, redisUrl, hasSignInNote }) {
  const lines = [
    'Corridor Watch is running.',
    '',
    `Console and API:  ${localUrl}/`,
    `API docs:         ${localUrl}/api/docs`,
    `Sign in:          ${admin.email}`,
  ];
  if (admin.source === 'environment') {
    lines.push('Password:         the one in BOOTSTRAP_ADMIN_PASSWORD');
  } else {
    lines.push(`Password:         ${admin.password}`);
    if (credentialsFile) lines.push(`(kept in ${credentialsFile})`);
  }
  if (redisUrl) lines.push(`Redis:            ${redisUrl} (stops with this command)`);
  if (hasSignInNote) lines.push('', 'Note: see the message above about signing in / demo data.');
  lines.push('', 'Press Ctrl-C to stop.');
  return box(lines);
}
