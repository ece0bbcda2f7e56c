// Riverton's city systems, locally, for the demo and tests: a 311 database and a permits database
// (embedded PGlite, reached as pglite:riverton-311 and pglite:riverton-permits), the open-data
// portal (the local SODA server on a fixed loopback port, as examples/riverton.yaml names it).
// The sanitation export drop folder ships in examples/drop/. October 2026 has known values.
import { PGlite } from '@electric-sql/pglite';
import { type Row, type SodaServer, startSodaServer } from './soda-server.js';

/** The port examples/riverton.yaml's Socrata source names (http://127.0.0.1:47110). */
export const RIVERTON_SODA_PORT = 47110;

export interface CitySystems {
  pglite: Map<string, PGlite>;
  soda: SodaServer;
  /** The environment variables the program file's sources name. */
  env: Record<string, string>;
  close(): Promise<void>;
}

// October 2026: DPW closes 240 of 250 requests on time (96.0%), Watershed 931 of 1,000 (93.1%);
// 160 of 200 potholes are filled within 48 hours (80.0%: off target a second month running). September rows check the date bounds.
const SAMPLE_311 = `
  CREATE TABLE service_requests (id serial PRIMARY KEY, department text, opened_on date, due_on date, closed_on date);
  INSERT INTO service_requests (department, opened_on, due_on, closed_on)
    SELECT 'DPW', date '2026-10-01' + (i % 31), date '2026-10-01' + (i % 31) + 5,
           date '2026-10-01' + (i % 31) + CASE WHEN i <= 240 THEN 3 ELSE 9 END FROM generate_series(1, 250) i;
  INSERT INTO service_requests (department, opened_on, due_on, closed_on)
    SELECT 'WATER', date '2026-10-01' + (i % 31), date '2026-10-01' + (i % 31) + 2,
           date '2026-10-01' + (i % 31) + CASE WHEN i <= 931 THEN 1 ELSE 6 END FROM generate_series(1, 1000) i;
  INSERT INTO service_requests (department, opened_on, due_on, closed_on)
    SELECT 'DPW', date '2026-09-15', date '2026-09-20', date '2026-09-30' FROM generate_series(1, 100);
  CREATE TABLE work_orders (id serial PRIMARY KEY, kind text, reported_at timestamptz, filled_at timestamptz);
  INSERT INTO work_orders (kind, reported_at, filled_at)
    SELECT 'pothole', timestamptz '2026-10-02 09:00-04' + (i % 28) * interval '1 day',
           timestamptz '2026-10-02 09:00-04' + (i % 28) * interval '1 day' + CASE WHEN i <= 160 THEN interval '30 hours' ELSE interval '80 hours' END
    FROM generate_series(1, 200) i;`;

// Code Enforcement: inspections average 84 days from complaint; 131 units remediated in October.
const SAMPLE_PERMITS = `
  CREATE TABLE inspections (id serial PRIMARY KEY, complaint_on date, inspected_on date);
  INSERT INTO inspections (complaint_on, inspected_on)
    SELECT date '2026-10-01' + (i % 31) - (80 + (i % 2) * 8), date '2026-10-01' + (i % 31) FROM generate_series(1, 60) i;
  CREATE TABLE remediations (id serial PRIMARY KEY, completed_on date, units int);
  INSERT INTO remediations (completed_on, units) SELECT date '2026-10-01' + (i % 31), 1 FROM generate_series(1, 131) i;
  INSERT INTO remediations (completed_on, units) SELECT date '2026-11-03', 1 FROM generate_series(1, 40) i;`;

// Streetlight outages on the portal: 21 still open after 7 days at the end of October.
function streetlightRows(): Row[] {
  return Array.from({ length: 60 }, (_, i) => ({
    outage_id: `SL-${1000 + i}`,
    reported_on: i < 50 ? `2026-10-0${(i % 9) + 1}` : '2026-11-02',
    status: i < 21 || i >= 50 ? 'open' : 'repaired',
    days_open: i < 21 ? 8 + i : 3,
  }));
}

export async function startCitySystems(opts: { sodaPort?: number } = {}): Promise<CitySystems> {
  const db311 = new PGlite();
  await db311.exec(SAMPLE_311);
  const permits = new PGlite();
  await permits.exec(SAMPLE_PERMITS);
  const soda = await startSodaServer({ 'strl-2026': streetlightRows() }, opts.sodaPort ?? RIVERTON_SODA_PORT);
  return {
    pglite: new Map([
      ['riverton-311', db311],
      ['riverton-permits', permits],
    ]),
    soda,
    env: {
      RIVERTON_311_DB_URL: 'pglite:riverton-311',
      RIVERTON_PERMITS_DB_URL: 'pglite:riverton-permits',
      RIVERTON_SODA_APP_TOKEN: 'demo-app-token',
    },
    async close() {
      await soda.close();
      await db311.close();
      await permits.close();
    },
  };
}
