-- SIM cards issued to arriving workers. The number itself is never stored: only the keyed HMAC of
-- its E.164 form, the same lookup hash conversations use, so a first message can be matched to it.
CREATE TABLE dbo.IssuedSims (
    PhoneHash VARCHAR(64) NOT NULL CONSTRAINT PK_IssuedSims PRIMARY KEY,
    Language NVARCHAR(35) NOT NULL,
    IssuedOn DATE NOT NULL,
    Programme NVARCHAR(100) NOT NULL,
    ImportedAt DATETIME2(3) NOT NULL
);
