import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CHECK = path.resolve(__dirname, '../../scripts/check-prerequisites.js');
const REPO = path.resolve(__dirname, '../..');
const HINT = 'apt-get install -y redis-server chromium prometheus';

/** A PATH of one folder that holds only the given programs (stand-ins, never run). */
function pathWith(programs: string[], realPrograms: Record<string, string> = {}): string {
  const bin = mkdtempSync(path.join(tmpdir(), 'prereq-'));
  for (const program of programs) symlinkSync('/bin/true', path.join(bin, program));
  for (const [name, target] of Object.entries(realPrograms)) symlinkSync(target, path.join(bin, name));
  return bin;
}

/** Runs the check that `npm test` runs first, on a PATH holding only the given programs. */
function checkWith(programs: string[]): { status: number | null; stderr: string } {
  const bin = pathWith(programs);
  try {
    const run = spawnSync(process.execPath, [CHECK], {
      env: { PATH: bin },
      encoding: 'utf8',
      timeout: 10000,
    });
    return { status: run.status, stderr: run.stderr };
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

/** The npm the developer runs (its JavaScript entry, so it can be linked into another folder). */
function npmCli(): string {
  const found = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'npm'))
    .find((candidate) => existsSync(candidate));
  if (!found) throw new Error('npm is not on the PATH');
  return realpathSync(found);
}

describe('npm test prerequisites', () => {
  it('fails at once with the install command when chromium is missing', () => {
    const result = checkWith(['redis-server', 'prometheus']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('need chromium,');
    expect(result.stderr).toContain(HINT);
  });

  it('names every missing program when none is installed', () => {
    const result = checkWith([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('need redis-server, chromium, prometheus');
    expect(result.stderr).toContain(HINT);
  });

  it('passes silently when all are on the PATH', () => {
    expect(checkWith(['redis-server', 'chromium', 'prometheus'])).toEqual({ status: 0, stderr: '' });
  });

  it('stops `npm test` within seconds, before the build, on a machine without chromium', () => {
    const bin = pathWith(['redis-server', 'prometheus'], {
      node: process.execPath,
      npm: npmCli(),
      sh: '/bin/sh',
    });
    try {
      const started = Date.now();
      const run = spawnSync(path.join(bin, 'npm'), ['test'], {
        cwd: REPO,
        env: { PATH: bin, HOME: tmpdir() },
        encoding: 'utf8',
        timeout: 20000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(HINT);
      expect(run.stdout).not.toContain('tsc -p');
      expect(Date.now() - started).toBeLessThan(10000);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
