-- The admin's account list: whether each account has two-factor sign-in, and when it last started a session.
SELECT u.Id, CASE WHEN u.TotpSecret IS NULL THEN 0 ELSE 1 END AS TwoFactorEnrolled,
       (SELECT MAX(s.StartedAt) FROM Sessions s WHERE s.UserId = u.Id) AS LastSignInAt
FROM Users u;
