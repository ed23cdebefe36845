SELECT Language
FROM UserLanguages
WHERE UserId = @UserId
ORDER BY Language;
