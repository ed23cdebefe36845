-- Revokes every session of the user: cookies and connections carrying the old stamp are refused from now on.
UPDATE Users
SET SecurityStamp = @SecurityStamp
WHERE Id = @Id;
