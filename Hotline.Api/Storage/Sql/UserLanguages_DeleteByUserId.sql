DELETE FROM UserLanguages
WHERE UserId = @UserId;
