// Throwaway databases of test runs share one local cluster; their names carry the creating
// process id (`zeren_test_<pid>_…`, `zeren_e2e_<pid>`), so runs can tell live ones from leftovers.
import pg from 'pg';

export const TEST_DATABASE_PATTERN = /^zeren_(test|e2e)_(\d+)/;

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops test databases whose run died without cleaning up (killed, crashed). */
export async function dropOrphanTestDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
    for (const { datname } of rows) {
      const pid = Number(TEST_DATABASE_PATTERN.exec(datname)?.[2]);
      if (pid && !isProcessAlive(pid)) {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}
