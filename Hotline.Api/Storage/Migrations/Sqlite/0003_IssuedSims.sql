-- SIM cards issued to arriving workers. The number itself is never stored: only the keyed HMAC of
-- its E.164 form, the same lookup hash conversations use, so a first message can be matched to it.
CREATE TABLE IssuedSims (
    PhoneHash TEXT NOT NULL PRIMARY KEY,
    Language TEXT NOT NULL,
    IssuedOn TEXT NOT NULL,
    Programme TEXT NOT NULL,
    ImportedAt TEXT NOT NULL
);
