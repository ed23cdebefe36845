-- Only an NGO account belongs to an organisation: staff accounts see cases, never a partner's inbox.
UPDATE Users
SET OrganisationId = @OrganisationId
WHERE Id = @Id AND Role = 'Ngo';
