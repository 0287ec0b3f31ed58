CREATE OR REPLACE FUNCTION course_versions_immutable() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'course versions are immutable; import a new version instead';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER course_versions_no_update BEFORE UPDATE ON course_versions
	FOR EACH ROW EXECUTE FUNCTION course_versions_immutable();
