-- Run by the db-grant service (sqlcmd as sa) after the migrations, on every rollout: puts the APIs' user
-- into the roles the migrations create. hotline_audit_append (migration 0014) lets it add and read audit
-- rows and DENYs it UPDATE and DELETE on them, which its db_datawriter membership would otherwise allow.
-- Each step looks before it acts, so a second run changes nothing.
SET NOCOUNT ON;
GO

USE hotline;
GO

IF DATABASE_PRINCIPAL_ID(N'hotline_audit_append') IS NULL
    THROW 50001, N'The role hotline_audit_append does not exist: run the migrations (the migrate service) first.', 1;
GO

IF IS_ROLEMEMBER(N'hotline_audit_append', N'hotline') = 0
    ALTER ROLE hotline_audit_append ADD MEMBER hotline;
GO
