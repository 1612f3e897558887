-- The board's search also finds a job by its task type, legal area, court, courthouse and province (a lawyer
-- types "icra" or "Bakırköy"), not only by title and description. Those live in other tables or, for the task
-- type's Turkish name, in lib/jobs/labels.ts (copied here as it stood on 2026-12-02), so a trigger keeps the vector
-- instead of a generated column. The file number is private to the parties and is not searchable.
DROP INDEX "Job_searchVector_idx";
ALTER TABLE "Job" DROP COLUMN "searchVector";
ALTER TABLE "Job" ADD COLUMN "searchVector" tsvector;

CREATE FUNCTION job_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('turkish', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('turkish', concat_ws(' ',
      CASE NEW."taskType"::text
        WHEN 'DURUSMA' THEN 'Duruşma'
        WHEN 'DOSYA_INCELEME' THEN 'Dosya inceleme'
        WHEN 'HACIZ_ICRA' THEN 'Haciz / icra'
        WHEN 'KESIF_DELIL_TESPITI' THEN 'Keşif / delil tespiti'
        WHEN 'DILEKCE' THEN 'Dilekçe'
        WHEN 'FOTOKOPI_SURET' THEN 'Fotokopi / suret'
        WHEN 'TEBLIGAT' THEN 'Tebligat'
        WHEN 'CEZAEVI_GORUSMESI' THEN 'Cezaevi görüşmesi'
        ELSE ''
      END,
      NEW."lawArea",
      NEW.court,
      (SELECT name FROM "Courthouse" WHERE id = NEW."courthouseId"),
      (SELECT name FROM "Province" WHERE id = NEW."provinceId")
    )), 'B') ||
    setweight(to_tsvector('turkish', coalesce(NEW.description, '')), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER job_search_vector
  BEFORE INSERT OR UPDATE OF title, description, "taskType", "lawArea", court, "courthouseId", "provinceId" ON "Job"
  FOR EACH ROW EXECUTE FUNCTION job_search_vector();

UPDATE "Job" SET title = title;
CREATE INDEX "Job_searchVector_idx" ON "Job" USING GIN ("searchVector");
