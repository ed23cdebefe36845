SELECT UserId, Language
FROM UserLanguages;
