-- The board's search forgives what phones and hurry do to Turkish: letters typed without a Turkish keyboard
-- ("karsiyaka", "ISTANBUL": folded text in the vector at weight D) and small typos ("hacis": trigram similarity over
-- the same folded text, asked only when the words match nothing). lib/jobs/turkish-search-query.ts folds the query
-- the same way. pg_trgm ships with PostgreSQL and is a trusted extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Turkish letters (both i's) to ASCII, then lower case.
CREATE FUNCTION tevkil_fold(input text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate(input, 'ÇĞİIÖŞÜÂÎÛçğıöşüâîû', 'cgiiosuaiucgiosuaiu'))
$$;

-- not in schema.prisma (the client never reads it): kept by the trigger below, searched with pg_trgm
ALTER TABLE "Job" ADD COLUMN "searchText" text;

CREATE OR REPLACE FUNCTION job_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  facts text;
BEGIN
  facts := concat_ws(' ',
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
    (SELECT name FROM "Province" WHERE id = NEW."provinceId"));
  NEW."searchText" := tevkil_fold(concat_ws(' ', NEW.title, facts, NEW.description));
  NEW."searchVector" :=
    setweight(to_tsvector('turkish', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('turkish', facts), 'B') ||
    setweight(to_tsvector('turkish', coalesce(NEW.description, '')), 'C') ||
    setweight(to_tsvector('simple', NEW."searchText"), 'D');
  RETURN NEW;
END
$$;

UPDATE "Job" SET title = title;
CREATE INDEX "Job_searchText_trgm_idx" ON "Job" USING GIN ("searchText" gin_trgm_ops);
