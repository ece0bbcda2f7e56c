-- The numbers form's save as one statement (src/services/collection/record-submission.ts): the
-- whole save is one round trip, so it holds no lock, and no turn of the embedded database, while
-- the bot's thread is busy elsewhere. Each statement below sees what committed before it, the
-- values read after the period's row is locked. Returns the outcome as JSON.
CREATE FUNCTION stat_record_submission(input jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  at timestamp(3) := (input->>'now')::timestamp(3);
  who text := input->>'userId';
  the_period text := input->>'period';
  obligation record;
  claimed boolean;
  outcome jsonb;
  complete boolean;
BEGIN
  -- Slack's retry of this exact submission finds the key taken, or waits for the save taking it.
  INSERT INTO "ProcessedInteraction" (key, "createdAt") VALUES (input->>'interactionKey', at)
  ON CONFLICT (key) DO NOTHING;
  claimed := FOUND;
  -- A packet posting that locks the period waits for this save, or this save sees its lock.
  SELECT id, "lockedAt", "submittedAt" INTO obligation FROM "DepartmentPeriod"
  WHERE "departmentId" = (input->>'departmentId')::int AND period = the_period FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no obligation for department % in %', input->>'departmentId', the_period;
  END IF;
  IF NOT claimed THEN RETURN jsonb_build_object('kind', 'duplicate'); END IF;
  IF obligation."lockedAt" IS NOT NULL THEN
    RETURN jsonb_build_object('kind', 'locked', 'lockedAt', obligation."lockedAt");
  END IF;

  -- Every changed value (inserted, or updated with its revision number raised) and its revision.
  WITH entry AS (
    SELECT * FROM jsonb_to_recordset(input->'entries') AS e(
      i int, "metricId" int, value float8, note text, "notAvailable" boolean, provenance jsonb, source text)
  ), old AS (
    SELECT v."metricId", v.value, v.note, v."notAvailable" FROM "MetricValue" v
    WHERE v.period = the_period AND v."metricId" IN (SELECT "metricId" FROM entry)
  ), change AS (
    SELECT e.*, o."metricId" IS NOT NULL AS existed, o.value AS "oldValue", o.note AS "oldNote"
    FROM entry e LEFT JOIN old o ON o."metricId" = e."metricId"
    WHERE o."metricId" IS NULL OR o.value IS DISTINCT FROM e.value OR o.note IS DISTINCT FROM e.note
      OR o."notAvailable" IS DISTINCT FROM e."notAvailable"
  ), saved AS (
    INSERT INTO "MetricValue" ("metricId", period, value, note, "notAvailable", "submittedBy", "submittedAt", provenance)
    SELECT "metricId", the_period, value, note, "notAvailable", who, at, provenance FROM change
    ON CONFLICT ("metricId", period) DO UPDATE SET
      value = EXCLUDED.value, note = EXCLUDED.note, "notAvailable" = EXCLUDED."notAvailable",
      "submittedBy" = EXCLUDED."submittedBy", "submittedAt" = EXCLUDED."submittedAt",
      provenance = EXCLUDED.provenance, revision = "MetricValue".revision + 1
    RETURNING id, "metricId", revision
  ), revised AS (
    INSERT INTO "MetricValueRevision"
      ("valueId", revision, "oldValue", "newValue", "oldNote", "newNote", "notAvailable", "changedBy", "changedAt", source, provenance)
    SELECT saved.id, saved.revision, c."oldValue", c.value, c."oldNote", c.note, c."notAvailable", who, at, c.source, c.provenance
    FROM saved JOIN change c ON c."metricId" = saved."metricId"
  )
  SELECT jsonb_build_object(
    'kind', 'saved',
    'changed', (SELECT count(*) FROM change),
    -- A new value for one already saved: what a packet's readers need to hear about.
    'revisions', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('metricId', "metricId", 'oldValue', "oldValue", 'newValue', value) ORDER BY i)
      FROM change WHERE existed AND "oldValue" IS DISTINCT FROM value), '[]'::jsonb)
  ) INTO outcome;

  -- Complete when every metric due has a value (or "not available"); the first time, it is submitted.
  SELECT NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements_text(input->'dueMetricIds') AS due(id)
    WHERE NOT EXISTS (SELECT 1 FROM "MetricValue" v WHERE v."metricId" = due.id::int AND v.period = the_period)
  ) INTO complete;
  IF complete AND obligation."submittedAt" IS NULL THEN
    UPDATE "DepartmentPeriod" SET "submittedAt" = at, "submittedBy" = who WHERE id = obligation.id;
  END IF;
  RETURN outcome || jsonb_build_object('complete', complete, 'firstComplete', complete AND obligation."submittedAt" IS NULL);
END
$$;
