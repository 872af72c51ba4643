// Seeds a migrated SQLite database straight through better-sqlite3: the benchmark measures the api, not the seeding.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

const HOUR = 3_600_000;

export function seed(path, { corridors, windowsPerCorridor, reportsPerCorridor }) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const admin = db.prepare('SELECT id, organisation_id FROM app_user LIMIT 1').get();
  const now = Date.now();
  const partyIds = [randomUUID(), randomUUID(), randomUUID()];
  const locationIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const insertParty = db.prepare(
    'INSERT INTO party (id, name, short_name, kind, organisation_id, created_by_id, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)',
  );
  const insertLocation = db.prepare(
    'INSERT INTO location (id, name, lat, lon, admin_area, country_code, organisation_id, created_by_id, created_at) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)',
  );
  const insertCorridor =
    db.prepare(`INSERT INTO corridor (id, name, origin_id, destination_id, announced_by_id, announced_at, timezone,
      source_url, source_note, route, cancelled_at, cancel_reason, confirmation_state, first_starts_at, last_ends_at,
      evacuation_report_count, evacuation_low, evacuation_high, version, organisation_id, created_by_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'Europe/Kyiv', NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`);
  const insertRequired = db.prepare(
    'INSERT INTO corridor_required_party (corridor_id, party_id) VALUES (?, ?)',
  );
  const insertWindow = db.prepare(
    'INSERT INTO corridor_window (id, corridor_id, starts_at, ends_at, created_by_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertReport =
    db.prepare(`INSERT INTO evacuation_report (id, corridor_id, window_id, source_party_id, reported_at, qualifier,
      value, max, category, arrived_at_id, source_url, note, fingerprint, organisation_id, created_by_id, created_at)
    VALUES (?, ?, ?, ?, ?, 'exact', ?, NULL, 'civilians', NULL, NULL, NULL, ?, ?, ?, ?)`);

  const ids = [];
  db.transaction(() => {
    partyIds.forEach((id, i) =>
      insertParty.run(
        id,
        `Bench party ${i}`,
        i === 2 ? 'humanitarian' : 'belligerent',
        admin.organisation_id,
        admin.id,
        now,
      ),
    );
    locationIds.forEach((id, i) =>
      insertLocation.run(
        id,
        `Bench place ${i}`,
        47 + i / 10,
        37 - i / 10,
        admin.organisation_id,
        admin.id,
        now,
      ),
    );
    for (let c = 0; c < corridors; c += 1) {
      const id = randomUUID();
      ids.push(id);
      // Spread over a year around now, so list filters and statuses see every case.
      const announcedAt = now - 180 * 24 * HOUR + c * ((360 * 24 * HOUR) / corridors);
      const windows = [];
      for (let w = 0; w < windowsPerCorridor; w += 1) {
        const startsAt = announcedAt + (w + 1) * 24 * HOUR;
        windows.push({ id: randomUUID(), startsAt, endsAt: startsAt + 10 * HOUR });
      }
      const values = Array.from({ length: reportsPerCorridor }, (_, r) => 50 + ((c + r * 7) % 300));
      insertCorridor.run(
        id,
        `Bench corridor ${c}`,
        locationIds[c % 4],
        c % 5 === 0 ? null : locationIds[(c + 1) % 4],
        partyIds[c % 2],
        announcedAt,
        c % 3 === 0 ? 'confirmed' : c % 7 === 0 ? 'disputed' : 'pending',
        windows[0].startsAt,
        windows.at(-1).endsAt,
        values.length,
        values.length ? Math.min(...values) : null,
        values.length ? Math.max(...values) : null,
        admin.organisation_id,
        admin.id,
        now,
        now,
      );
      insertRequired.run(id, partyIds[(c + 1) % 2]);
      for (const w of windows) insertWindow.run(w.id, id, w.startsAt, w.endsAt, admin.id, now);
      values.forEach((value, r) =>
        insertReport.run(
          randomUUID(),
          id,
          windows[r % windows.length].id,
          partyIds[r % 3],
          windows[r % windows.length].endsAt,
          value,
          randomUUID(),
          admin.organisation_id,
          admin.id,
          now,
        ),
      );
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return { corridorIds: ids, partyIds, admin };
}
