'use strict';
/* global console */
// Run by `npm test` before anything else: the suites start their own redis-server and prometheus and
// drive Debian's Chromium. Where one is missing, say so at once with the one command that installs
// them all, instead of a timeout deep inside a suite.
const fs = require('node:fs');
const path = require('node:path');

const INSTALL = 'apt-get install -y redis-server chromium prometheus';
const PROGRAMS = ['redis-server', 'chromium', 'prometheus'];

function onPath(program, searchPath) {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        fs.accessSync(path.join(dir, program), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

const missing = PROGRAMS.filter((program) => !onPath(program, process.env.PATH || ''));
if (missing.length > 0) {
  console.error(
    `The tests need ${missing.join(', ')}, not found on the PATH. Install with:\n\n  ${INSTALL}\n`,
  );
  process.exit(1);
}
